#!/usr/bin/env bash
# `GET /v1/claims?about=` (the most-cited place, 50 a page, response cache off) under wrk
# through nginx (deploy/nginx-replicas.conf) to one `serve` replica and to two, twice each,
# on an existing PostgreSQL graph. Used by bench/postgres.sh; for a large graph, ingest it
# with SQLite and copy it (scripts/sqlite-to-postgres.sh). Never run by CI.
#
# usage: bash bench/postgres-reads.sh POSTGRES_URL
# Needs wrk, nginx and psql; builds the release binary.
set -euo pipefail
url=${1:?usage: postgres-reads.sh POSTGRES_URL}
SECONDS_EACH=${SECONDS_EACH:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
cargo build --release --quiet -p claimgraph --bin claimgraph
bin=$root/target/release/claimgraph
tmp=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done;
      [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null;
      rm -rf "$tmp"' EXIT
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
