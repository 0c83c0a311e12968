#!/usr/bin/env bash
# Two builds of claimgraph on one database, read by wrk in turns: for each read, build A,
# then B, then A and B again, each on a fresh server with the response cache off, so both
# builds see the same machine load. Prints req/s and p99 of every run. Never run by CI.
#
# usage: bash bench/compare.sh BIN_A BIN_B DB
# Needs wrk, sqlite3 and curl. The database is only read.
set -euo pipefail
a=${1:?usage: compare.sh BIN_A BIN_B DB}
b=${2:?usage: compare.sh BIN_A BIN_B DB}
db=${3:?usage: compare.sh BIN_A BIN_B DB}
PORT=${PORT:-18779}
SECONDS_EACH=${SECONDS_EACH:-10}
CONNECTIONS=${CONNECTIONS:-16}

read -r place < <(sqlite3 "$db" "SELECT entity_id FROM claim_places GROUP BY entity_id
  ORDER BY count(*) DESC LIMIT 1")
read -r person name < <(sqlite3 -separator ' ' "$db" "SELECT id, name FROM entities
  WHERE kind = 'person' ORDER BY mention_count DESC LIMIT 1")
read -r claim < <(sqlite3 "$db" "SELECT id FROM claims WHERE fact_id IS NOT NULL
  ORDER BY id LIMIT 1 OFFSET 100")
q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1].split()[-1][:5]))' "$name")
paths=(
  "/v1/claims?about=$place&limit=50"
  "/v1/claims?speaker=$person&limit=50"
  "/v1/entities?q=$q"
  "/v1/claims/$claim"
  "/v1/articles?limit=20"
  "/v1/facts?limit=10"
)

# run BIN PATH -> "req/s p99"
run() {
  "$1" serve --db "$db" --addr "127.0.0.1:$PORT" --response-cache 0 --max-concurrent 0 \
    >/dev/null 2>&1 &
  local pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.05; done
  curl -sf -o /dev/null "http://127.0.0.1:$PORT$2"
  local out
  out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_EACH}s" --latency "http://127.0.0.1:$PORT$2")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  echo "$rps $p99"
}

echo "| read | A req/s (p99) | B req/s (p99) | A req/s (p99) | B req/s (p99) |"
echo "| --- | --- | --- | --- | --- |"
for path in "${paths[@]}"; do
  row="| \`$path\`"
  for bin in "$a" "$b" "$a" "$b"; do
    read -r rps p99 < <(run "$bin" "$path")
    row="$row | $rps ($p99)"
  done
  echo "$row |"
done
