#!/usr/bin/env bash
# SQLite and PostgreSQL side by side in one run, on one generated corpus: bulk ingest with
# SQLite, PostgreSQL with one worker and PostgreSQL with two workers (each half of the
# files, at once), then `GET /v1/claims?about=` under wrk against one replica and against
# two replicas behind nginx (deploy/nginx-replicas.conf). Never run by CI.
#
# usage: bash bench/postgres.sh ARTICLES
# Needs wrk, nginx, psql and CLAIMGRAPH_TEST_POSTGRES_URL (a server it may create
# databases on); builds the release binaries.
set -euo pipefail
n=${1:?usage: postgres.sh ARTICLES}
base_url=${CLAIMGRAPH_TEST_POSTGRES_URL:?set CLAIMGRAPH_TEST_POSTGRES_URL}
server=${base_url%/*}
SECONDS_EACH=${SECONDS_EACH:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet -p claimgraph -p claimgraph-corpus --bins
bin=$root/target/release/claimgraph
tmp=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done;
      [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null;
      for d in cg_bench_one cg_bench_two; do psql "$base_url" -qc "DROP DATABASE IF EXISTS $d" 2>/dev/null; done;
      rm -rf "$tmp"' EXIT
"$root/target/release/claimgraph-corpus" --articles "$n" --seed 1 --out "$tmp/corpus" \
  --per-file $(( (n + 9) / 10 )) >/dev/null 2>&1
files=("$tmp"/corpus/*.ndjson)
half=$(( ${#files[@]} / 2 ))

timed() { /usr/bin/time -f "%e" "$@" 2>&1 >/dev/null | tail -1; }
echo "| ingest of $n generated articles | wall s | articles/s | claims / links / facts |"
echo "| --- | --- | --- | --- |"
s=$(timed "$bin" ingest --db "$tmp/sqlite.db" "${files[@]}")
rows=$(sqlite3 "$tmp/sqlite.db" "SELECT (SELECT count(*) FROM claims) || ' / ' ||
  (SELECT count(*) FROM claim_links) || ' / ' || (SELECT count(*) FROM facts)")
echo "| SQLite, one process | $s | $(python3 -c "print(round($n / $s))") | $rows |"
for d in cg_bench_one cg_bench_two; do
  psql "$base_url" -qc "DROP DATABASE IF EXISTS $d" -c "CREATE DATABASE $d"
  "$bin" migrate --db "$server/$d" >/dev/null
done
pg_rows() { psql "$server/$1" -Atc "SELECT (SELECT count(*) FROM claims) || ' / ' ||
  (SELECT count(*) FROM claim_links) || ' / ' || (SELECT count(*) FROM facts)"; }
s=$(timed "$bin" ingest --db "$server/cg_bench_one" "${files[@]}")
echo "| PostgreSQL, one worker | $s | $(python3 -c "print(round($n / $s))") | $(pg_rows cg_bench_one) |"
start=$(date +%s.%N)
"$bin" ingest --db "$server/cg_bench_two" "${files[@]:0:$half}" >/dev/null 2>&1 & w1=$!
"$bin" ingest --db "$server/cg_bench_two" "${files[@]:$half}" >/dev/null 2>&1 & w2=$!
wait $w1 $w2
s=$(python3 -c "import time; print(round(time.time() - $start, 2))")
echo "| PostgreSQL, two workers at once (half the files each) | $s | $(python3 -c "print(round($n / $s))") | $(pg_rows cg_bench_two) |"
psql "$server/cg_bench_one" -qc "ANALYZE"

# ---- reads: one replica, then two behind nginx
url="$server/cg_bench_one"
place=$(psql "$url" -Atc "SELECT entity_id FROM claim_places GROUP BY entity_id ORDER BY count(*) DESC LIMIT 1")
path="/v1/claims?about=$place&limit=50"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
pa=$(port); pb=$(port); pp=$(port)
for p in "$pa" "$pb"; do
  "$bin" serve --db "$url" --addr "127.0.0.1:$p" --response-cache 0 --max-concurrent 0 >/dev/null 2>&1 &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$p/healthz"; do sleep 0.05; done
done
sed -e "s/server replica-a:8080/server 127.0.0.1:$pa/" -e "s/server replica-b:8080/server 127.0.0.1:$pb/" \
    -e "s/listen 8080;/listen 127.0.0.1:$pp;/" "$root/deploy/nginx-replicas.conf" >"$tmp/site.conf"
pq=$(port)
sed -e "/server 127.0.0.1:$pb/d" -e "s/listen 127.0.0.1:$pp;/listen 127.0.0.1:$pq;/" \
    -e "s/upstream claimgraph_replicas/upstream claimgraph_one/" \
    -e "s|http://claimgraph_replicas|http://claimgraph_one|" "$tmp/site.conf" >"$tmp/one.conf"
cat >"$tmp/nginx.conf" <<EOF
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
worker_processes 1;
events {}
http { access_log off; client_body_temp_path $tmp/body; proxy_temp_path $tmp/proxy;
       include $tmp/site.conf; include $tmp/one.conf; }
EOF
nginx -p "$tmp" -c "$tmp/nginx.conf"
until curl -sf -o /dev/null "http://127.0.0.1:$pp/healthz"; do sleep 0.05; done
wrk_run() {
  curl -sf -o /dev/null "$1$path"
  wrk -t2 -c16 -d"${SECONDS_EACH}s" --latency "$1$path" |
    awk '/Requests\/sec/ { r = $2 } / 99%/ { p = $2 } END { print r " req/s, p99 " p }'
}
echo
echo "| \`GET $path\` ($SECONDS_EACH s, wrk -t2 -c16, response cache off) | req/s, p99 |"
echo "| --- | --- |"
for round in first second; do
  echo "| one replica behind nginx ($round run) | $(wrk_run "http://127.0.0.1:$pq") |"
  echo "| two replicas behind nginx ($round run) | $(wrk_run "http://127.0.0.1:$pp") |"
done
