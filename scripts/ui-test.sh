#!/usr/bin/env bash
# The explorer page in a real browser (ui-test/explorer.test.mjs): Debian's headless
# Chromium driven by playwright-core, against the release binary with the seed articles.
# usage (from anywhere): bash scripts/ui-test.sh      screenshot: target/ui/explorer.png
# needs: node + npm, ../shared/corpus/seeds; installs Debian's chromium when missing (root).
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
lap() { printf '[ui-test %3ss] %s\n' "$(($(date +%s) - t0))" "$*"; }

seeds=${SEEDS_DIR:-../shared/corpus/seeds}
[ -d "$seeds" ] || { echo "no seed articles at $seeds"; exit 1; }
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "missing $tool"; exit 1; }
done

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  lap "installing Debian's chromium"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
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
