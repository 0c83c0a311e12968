#!/usr/bin/env bash
# The explorer page in a real browser (ui-test/explorer.test.mjs): Debian's headless
# Chromium driven by playwright-core, against the release binary with the seed articles.
# usage (from anywhere): bash scripts/ui-test.sh      screenshots: target/ui/explorer*.png
# needs ../shared/corpus/seeds; installs Debian's chromium (and nodejs, npm) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
lap() { printf '[ui-test %3ss] %s\n' "$(($(date +%s) - t0))" "$*"; }

seeds=${SEEDS_DIR:-../shared/corpus/seeds}
[ -d "$seeds" ] || { echo "no seed articles at $seeds"; exit 1; }

# Debian's packages for whatever is missing (CI runs as root)
chromium=${CHROMIUM:-/usr/bin/chromium}
missing=()
[ -x "$chromium" ] || missing+=(chromium)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  lap "apt-get install ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
lap "node $(node --version), npm $(npm --version)"
# playwright-core (pinned in ui-test/package-lock.json) needs node 20 or newer
node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' ||
  { echo "node $(node --version) is too old: playwright-core needs node >= 20"; exit 1; }
lap "$("$chromium" --version 2>/dev/null || echo "$chromium")"

lap "npm ci"
(cd ui-test && npm ci --no-audit --no-fund --loglevel=error)

# cargo only rebuilds when a source changed, so this is quick after the scorer's build
lap "cargo build --release"
cargo build --release --locked --quiet --bin claimgraph
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')

lap "browser test"
CLAIMGRAPH_BIN="$target/release/claimgraph" SEEDS_DIR="$(cd "$seeds" && pwd)" CHROMIUM="$chromium" \
  SCREENSHOT="$target/ui/explorer.png" node ui-test/explorer.test.mjs
lap "done"
