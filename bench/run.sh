#!/usr/bin/env bash
# End-to-end figures for BENCHMARKS.md: bulk ingest of generated corpora into fresh SQLite
# files (articles/s, peak RSS, database size per article), start-up to the first answered
# request, and HTTP latency with wrk for "claims about X" and entity search, alone and while
# a second process bulk-ingests. Prints one table at the end.
#
# usage: bash bench/run.sh            (SIZES="1000 10000 100000" by default)
#        SIZES="1000 10000" WRK_SECONDS=10 bash bench/run.sh
#        REUSE_DB=1 bash bench/run.sh   (keep a size's database and ingest figures from an
#                                        earlier run: only start-up and queries are measured
#                                        again; the concurrent ingest of each run adds to it)
# Needs wrk (apt-get install wrk), /usr/bin/time, sqlite3 and curl. Never run by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 100000"}
WRK_SECONDS=${WRK_SECONDS:-10}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-16}
SEED=${SEED:-1}
PORT=${PORT:-18931}
WORK=${BENCH_DIR:-target/bench-run}

for tool in wrk /usr/bin/time sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install wrk time sqlite3 curl)"; exit 1; }
done

cargo build --release -q -p claimgraph -p claimgraph-corpus
BIN=${BIN:-target/release/claimgraph}
GEN=target/release/claimgraph-corpus

largest=0
for n in $SIZES; do [ "$n" -gt "$largest" ] && largest=$n; done
mkdir -p "$WORK"
# one corpus; a size of N articles is its first N/1000 shards (shard = 1000 articles)
corpus="$WORK/corpus-seed$SEED-$largest"
if [ ! -d "$corpus" ]; then
  echo "generating $largest articles (seed $SEED) in $corpus"
  "$GEN" --articles "$largest" --seed "$SEED" --out "$corpus" --per-file 1000
fi
# the articles a concurrent ingest adds (another seed, never the same texts)
concurrent="$WORK/corpus-seed$((SEED + 1000))-10000"
[ -d "$concurrent" ] || "$GEN" --articles 10000 --seed $((SEED + 1000)) --out "$concurrent" --per-file 1000

server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true; }
trap cleanup EXIT

now() { date +%s.%N; }

# wrk LABEL URL -> "p50 p99 req/s" (milliseconds)
wrk_run() {
  local out
  out=$(wrk -t2 -c"$WRK_CONNECTIONS" -d"${WRK_SECONDS}s" --latency "$2")
  echo "$out" >"$WORK/wrk-$1.txt"
  local p50 p99 rps
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  rps=$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')
  echo "$(to_ms "$p50") $(to_ms "$p99") ${rps%.*}"
}

# wrk prints 812.00us, 1.20ms or 1.02s
to_ms() {
  case "$1" in
    *us) awk -v v="${1%us}" 'BEGIN { printf "%.2f", v / 1000 }' ;;
    *ms) awk -v v="${1%ms}" 'BEGIN { printf "%.2f", v }' ;;
    *s) awk -v v="${1%s}" 'BEGIN { printf "%.2f", v * 1000 }' ;;
    *) echo "?" ;;
  esac
}

rows=()
for n in $SIZES; do
  shards=$((n / 1000))
  files=()
  for ((i = 0; i < shards; i++)); do files+=("$(printf '%s/corpus-%04d.ndjson' "$corpus" "$i")"); done
  db="$WORK/db-$n.db"
  if [ "${REUSE_DB:-0}" = 1 ] && [ -f "$db" ] && [ -f "$WORK/ingest-$n.time" ]; then
    echo "== $n articles: reusing $db and the ingest figures of its run"
    # migrations a newer binary brings are applied here, not counted as start-up
    "$BIN" migrate --db "$db"
  else
    rm -f "$db" "$db-wal" "$db-shm"
    echo "== $n articles: ingest"
    /usr/bin/time -v "$BIN" ingest --db "$db" "${files[@]}" >"$WORK/ingest-$n.out" 2>"$WORK/ingest-$n.time"
  fi
  cat "$WORK/ingest-$n.out"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$WORK/ingest-$n.time")
  rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/ingest-$n.time")
  cpu=$(awk -F': ' '/Percent of CPU/ { print $2 }' "$WORK/ingest-$n.time")
  size=$(stat -c %s "$db")
  [ -f "$db-wal" ] && size=$((size + $(stat -c %s "$db-wal")))
  aps=$(awk -v n="$n" -v s="$wall" 'BEGIN { printf "%.0f", n / s }')
  us_per=$(awk -v n="$n" -v s="$wall" 'BEGIN { printf "%.0f", s * 1e6 / n }')

  # the most-mentioned place and its name, for the two queries
  read -r place_id place_name < <(sqlite3 -separator ' ' "$db" \
    "SELECT cp.entity_id, e.name FROM claim_places cp JOIN entities e ON e.id = cp.entity_id
     GROUP BY cp.entity_id ORDER BY count(*) DESC LIMIT 1")
  q=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$place_name")

  echo "== $n articles: serve (start-up), most-mentioned place: $place_name (#$place_id)"
  started=$(now)
  "$BIN" serve --db "$db" --addr "127.0.0.1:$PORT" --max-concurrent 0 >"$WORK/serve-$n.log" 2>&1 &
  server_pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/v1/claims?about=$place_id&limit=50"; do sleep 0.01; done
  startup_ms=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.0f", (b - a) * 1000 }')

  about="http://127.0.0.1:$PORT/v1/claims?about=$place_id&limit=50"
  search="http://127.0.0.1:$PORT/v1/entities?q=$q"
  read -r a50 a99 arps < <(wrk_run "about-$n" "$about")
  read -r s50 s99 srps < <(wrk_run "search-$n" "$search")

  echo "== $n articles: the same queries while another process ingests 10,000 articles"
  before=$(sqlite3 "$db" "SELECT count(*) FROM articles")
  # small batches: a commit about every second, each one invalidating the response cache
  "$BIN" ingest --db "$db" --batch 32 "$concurrent" >"$WORK/concurrent-$n.out" 2>&1 &
  ingest_pid=$!
  # measure once it is writing (it first reads every stored claim into its index)
  for _ in $(seq 1 300); do
    [ "$(sqlite3 "$db" "SELECT count(*) FROM articles")" -gt "$before" ] && break
    sleep 1
  done
  read -r c50 c99 crps < <(wrk_run "about-ingesting-$n" "$about")
  read -r d50 d99 drps < <(wrk_run "search-ingesting-$n" "$search")
  kill "$ingest_pid" 2>/dev/null || true
  wait "$ingest_pid" 2>/dev/null || true
  echo "   the concurrent ingest stored $(($(sqlite3 "$db" "SELECT count(*) FROM articles") - before)) articles"
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""

  rows+=("$(printf '| %7s | %6s s | %5s | %8s | %4s | %5s MiB | %5s KiB | %5s ms | %s / %s / %s | %s / %s / %s | %s / %s / %s | %s / %s / %s |' \
    "$n" "$wall" "$aps" "$us_per" "$cpu" "$((rss_kb / 1024))" "$((size / n / 1024))" "$startup_ms" \
    "$a50" "$a99" "$arps" "$s50" "$s99" "$srps" "$c50" "$c99" "$crps" "$d50" "$d99" "$drps")")
done

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr); wrk -t2 -c$WRK_CONNECTIONS -d${WRK_SECONDS}s on loopback"
echo "latency columns: p50 ms / p99 ms / requests per second"
echo
echo "| articles | ingest wall | art/s | µs/article | CPU | peak RSS | DB/article | start-up | claims about X | entity search | about X, ingest running | search, ingest running |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
