#!/usr/bin/env bash
# The scale-out setup of docker-compose.yml's `postgres` profile, started as plain
# processes (CI has no docker): one PostgreSQL database, two `serve` replicas, nginx in
# front with deploy/nginx-replicas.conf. Checks:
#   1. /healthz answers through the proxy;
#   2. a write on one replica is read at once on the other, response cache included;
#   3. SIGKILL of one replica under load through the proxy: no 5xx reaches the client;
#   4. two `ingest` workers on one corpus at once store each article once; of two workers
#      on halves of another, one killed mid-run (SIGKILL) and run again adds exactly the
#      articles it had not stored.
# usage: scripts/replicas.sh BINARY CORPUS_BINARY   (needs nginx, psql and
# CLAIMGRAPH_TEST_POSTGRES_URL, a server this may create databases on)
set -euo pipefail
bin=$(realpath "$1")
corpus_bin=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
base_url=${CLAIMGRAPH_TEST_POSTGRES_URL:?set CLAIMGRAPH_TEST_POSTGRES_URL}
server=${base_url%/*}
db="cg_replicas_$$"
url="$server/$db"
tmp=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  psql "$base_url" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "replicas: $*" >&2; exit 1; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
healthy() {
  for _ in $(seq 1 150); do
    curl -fsS "$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  return 1
}

psql "$base_url" -qc "CREATE DATABASE $db"
"$bin" migrate --db "$url" >/dev/null

# ---- two replicas and the proxy
pa=$(port); pb=$(port); pp=$(port)
"$bin" serve --db "$url" --addr "127.0.0.1:$pa" >"$tmp/a.log" 2>&1 & pids+=($!); pid_a=$!; disown "$pid_a"
"$bin" serve --db "$url" --addr "127.0.0.1:$pb" >"$tmp/b.log" 2>&1 & pids+=($!)
a="http://127.0.0.1:$pa"; b="http://127.0.0.1:$pb"; proxy="http://127.0.0.1:$pp"
healthy "$a" || fail "replica a never became healthy: $(cat "$tmp/a.log")"
healthy "$b" || fail "replica b never became healthy: $(cat "$tmp/b.log")"
sed -e "s/server replica-a:8080/server 127.0.0.1:$pa/" -e "s/server replica-b:8080/server 127.0.0.1:$pb/" \
    -e "s/listen 8080;/listen 127.0.0.1:$pp;/" "$root/deploy/nginx-replicas.conf" >"$tmp/site.conf"
grep -q "127.0.0.1:$pa" "$tmp/site.conf" || fail "the proxy configuration names no replica"
cat >"$tmp/nginx.conf" <<EOF
pid $tmp/nginx.pid;
error_log $tmp/nginx-error.log;
events {}
http {
  access_log off;
  client_body_temp_path $tmp/body;
  proxy_temp_path $tmp/proxy;
  include $tmp/site.conf;
}
EOF
nginx -p "$tmp" -c "$tmp/nginx.conf"
healthy "$proxy" || fail "no /healthz through the proxy: $(cat "$tmp/nginx-error.log")"
echo "replicas: /healthz answers through the proxy"

# ---- a write on one replica, read at once on the other (whose cache held the old answer)
before=$(curl -fsS "$b/v1/articles?limit=50")
id=$(curl -fsS -X POST "$a/v1/articles" -H 'content-type: text/plain' \
  --data-binary @"$root/examples/articles/water-evora.txt" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
curl -fsS "$b/v1/articles/$id" >/dev/null || fail "article $id written on a is missing on b"
after=$(curl -fsS "$b/v1/articles?limit=50")
[ "$before" != "$after" ] || fail "b answered its cached list after a's write"
echo "$after" | python3 -c "import json,sys; ids=[x['id'] for x in json.load(sys.stdin)['items']]; sys.exit(0 if $id in ids else 1)" ||
  fail "b's article list lacks article $id"
echo "replicas: a write on one replica is read at once on the other"

# ---- SIGKILL one replica under load through the proxy
load_rc=0
python3 - "$proxy" "$pid_a" >"$tmp/load.txt" <<'EOF' || load_rc=$?
import os, signal, sys, threading, time, urllib.request, urllib.error
proxy, victim = sys.argv[1], int(sys.argv[2])
codes, lock, stop = {}, threading.Lock(), time.time() + 4
def load():
    while time.time() < stop:
        try:
            code = urllib.request.urlopen(proxy + "/v1/claims?limit=20", timeout=5).status
        except urllib.error.HTTPError as e:
            code = e.code
        except Exception:
            code = "error"
        with lock:
            codes[code] = codes.get(code, 0) + 1
threads = [threading.Thread(target=load) for _ in range(4)]
for t in threads: t.start()
time.sleep(1.5)
os.kill(victim, signal.SIGKILL)
for t in threads: t.join()
print(" ".join(f"{k}={v}" for k, v in sorted(codes.items(), key=str)))
bad = sum(v for k, v in codes.items() if k != 200)
sys.exit(1 if bad else 0)
EOF
echo "replicas: answers through the proxy while replica a was killed: $(cat "$tmp/load.txt")"
[ $load_rc -eq 0 ] || fail "the client saw failures after one replica was killed"

# ---- two ingest workers at once, then one killed mid-run and run again
"$corpus_bin" --articles 300 --seed 7 --out "$tmp/corpus" --per-file 30 >/dev/null 2>&1
count() { psql "$url" -Atc "SELECT count(*), count(DISTINCT content_hash) FROM articles"; }
start=$(count | cut -d'|' -f1)
"$bin" ingest --db "$url" --batch 16 "$tmp/corpus" >"$tmp/w1.log" 2>&1 & w1=$!
"$bin" ingest --db "$url" --batch 16 "$tmp/corpus" >"$tmp/w2.log" 2>&1 & w2=$!
wait $w1 || fail "worker 1 failed: $(tail -3 "$tmp/w1.log")"
wait $w2 || fail "worker 2 failed: $(tail -3 "$tmp/w2.log")"
IFS='|' read -r n distinct <<<"$(count)"
[ "$n" -eq $((start + 300)) ] && [ "$n" -eq "$distinct" ] ||
  fail "two workers stored $((n - start)) articles ($distinct distinct) of 300"
echo "replicas: two ingest workers at once stored each of 300 articles once"
"$corpus_bin" --articles 300 --seed 8 --out "$tmp/corpus2" --per-file 30 >/dev/null 2>&1
# two workers, each on half of a new corpus; one is killed mid-run, the other finishes
halves=("$tmp"/corpus2/*.ndjson)
first=("${halves[@]:0:5}") second=("${halves[@]:5}")
"$bin" ingest --db "$url" --batch 16 "${first[@]}" >"$tmp/w3.log" 2>&1 & w3=$!
"$bin" ingest --db "$url" --batch 16 "${second[@]}" >"$tmp/w4.log" 2>&1 & w4=$!
# killed once both have had turns at the write lock (four batches stored), or after 30 s
for _ in $(seq 1 300); do
  [ "$(count | cut -d'|' -f1)" -ge $((n + 64)) ] && break
  sleep 0.1
done
kill -9 $w3 2>/dev/null || true
wait $w3 2>/dev/null || true
wait $w4 || fail "the surviving worker failed: $(tail -3 "$tmp/w4.log")"
partial=$(( $(count | cut -d'|' -f1) - n ))
"$bin" ingest --db "$url" --batch 16 "${first[@]}" >"$tmp/w5.log" 2>&1 ||
  fail "the re-run failed: $(tail -3 "$tmp/w5.log")"
added=$(sed -n 's/^articles: \([0-9]*\) new.*/\1/p' "$tmp/w5.log")
IFS='|' read -r n2 distinct2 <<<"$(count)"
[ "$((n2 - n))" -eq 300 ] && [ "$n2" -eq "$distinct2" ] && [ "$added" -eq "$((300 - partial))" ] ||
  fail "after a killed worker and a re-run: $((n2 - n)) of 300 articles ($distinct2 distinct rows), the re-run added ${added:-?}"
echo "replicas: one of two workers killed, $partial of 300 articles stored; the re-run added the other $added"
