#!/usr/bin/env bash
# Cold and warm latency of single requests on an existing database: for each path, a fresh
# server with the page cache dropped and the response cache off answers it twice (first
# request cold, second warm). Dropping the page cache needs root. Never run by CI.
#
# usage: bash bench/requests.sh DB PATH...
#        BIN=/path/to/claimgraph bash bench/requests.sh db.db "/v1/facts?limit=20"
set -euo pipefail
db=${1:?usage: requests.sh DB PATH...}
shift
BIN=${BIN:-target/release/claimgraph}
PORT=${PORT:-18778}
for path in "$@"; do
  sync
  echo 3 > /proc/sys/vm/drop_caches
  "$BIN" serve --db "$db" --addr "127.0.0.1:$PORT" --response-cache 0 > /dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1 && break
    sleep 0.2
  done
  first=$(curl -s -o /dev/null -w "%{http_code} %{time_total}" "http://127.0.0.1:$PORT$path")
  second=$(curl -s -o /dev/null -w "%{time_total} %{size_download}" "http://127.0.0.1:$PORT$path")
  echo "$path | status, first s: $first | second s, bytes: $second"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
done
