#!/usr/bin/env bash
# The extraction scorer against the PostgreSQL backend: a fresh database on the server of
# CLAIMGRAPH_TEST_POSTGRES_URL, `serve --db postgres://…` on it, then the same scorer and
# arguments as ../shared/eval/run.sh (which serves a SQLite file).
# usage (from the project root): scripts/score-postgres.sh [CORPUS_DIR [GOLD_DIR [ENTITIES_JSON]]] [-- score.py options]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
eval_dir=$here/../shared/eval
base_url=${CLAIMGRAPH_TEST_POSTGRES_URL:?set CLAIMGRAPH_TEST_POSTGRES_URL to a server this may create databases on}
pos=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do pos+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
corpus=${pos[0]:-$eval_dir/../corpus/seeds}
gold=${pos[1]:-$eval_dir/gold}
entities=${pos[2]:-$eval_dir/entities.json}

cargo build --release --quiet --bin claimgraph
db="cg_score_$$"
server=${base_url%/*}
psql "$base_url" -qc "CREATE DATABASE $db"
tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target/release/claimgraph serve --db "$server/$db" --addr "127.0.0.1:$port" >"$tmp/server.log" 2>&1 &
pid=$!
cleanup() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  psql "$base_url" -qc "DROP DATABASE IF EXISTS $db" || true
  rm -rf "$tmp"
}
trap cleanup EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "server exited:"; cat "$tmp/server.log"; exit 2; }
  sleep 0.1
done
python3 "$eval_dir/score.py" --base-url "http://127.0.0.1:$port" --corpus "$corpus" --gold "$gold" --entities "$entities" "$@"
