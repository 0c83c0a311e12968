#!/usr/bin/env bash
# SQLite and PostgreSQL side by side in one run, on one generated corpus: bulk ingest with
# SQLite, PostgreSQL with one worker and PostgreSQL with two workers (each half of the
# files, at once), then `GET /v1/claims?about=` under wrk against one replica and against
# two replicas behind nginx (bench/postgres-reads.sh). Never run by CI.
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
trap 'for d in cg_bench_one cg_bench_two; do psql "$base_url" -qc "DROP DATABASE IF EXISTS $d" 2>/dev/null; done;
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
bash "$root/bench/postgres-reads.sh" "$server/cg_bench_one"
