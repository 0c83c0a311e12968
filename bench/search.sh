#!/usr/bin/env bash
# Time of claim searches (`GET /v1/claims?q=`, 50 a page) on an existing database: costly
# prefix queries (`a*` repeated), a prefix past the stem, common words, the widest query
# within the limits. One fresh server, response cache off, the page cache warmed by one read
# of every claim; each query is timed once, the costly ones last (on a server without the
# limits, SQLite goes on with a timed-out query after its 503). Never run by CI.
#
# usage: bash bench/search.sh DB [LABEL]
#        BIN=/path/to/claimgraph bash bench/search.sh db.db before
set -uo pipefail
db=${1:?usage: search.sh DB [LABEL]}
label=${2:-}
BIN=${BIN:-target/release/claimgraph}
PORT=${PORT:-18779}
"$BIN" serve --db "$db" --addr "127.0.0.1:$PORT" --response-cache 0 > /dev/null 2>&1 &
pid=$!
trap 'kill "$pid" 2> /dev/null; wait "$pid" 2> /dev/null' EXIT
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" > /dev/null 2>&1 && break
  sleep 0.2
done
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
repeat() { printf "$1 %.0s" $(seq 1 "$2"); }
common="the OR said OR of OR to OR and OR in OR a OR that OR on OR for OR was OR with OR is"
common="$common OR by OR at OR from OR it OR as OR be OR were OR had OR has OR have OR are"
common="$common OR would OR will OR been OR not OR this OR after OR an OR their"
queries=(
  "evacuat*" "evacuate" "counter-offensive" "the"
  "the* con* pro* pre*" "the* OR con* OR pro* OR pre*" "$common"
  "$(repeat 'a*' 100)" "$(repeat 'a*' 300)" "$(repeat 'a*' 500)"
)
curl -s -o /dev/null "http://127.0.0.1:$PORT/v1/claims?limit=500&q=the"
for q in "${queries[@]}"; do
  url="http://127.0.0.1:$PORT/v1/claims?limit=50&q=$(encode "$q")"
  result=$(curl -s -o /tmp/search-bench-body.json -w "%{http_code} %{time_total}" "$url")
  items=$(python3 -c 'import json; d = json.load(open("/tmp/search-bench-body.json")); print(len(d["items"]) if "items" in d else d.get("code"))' 2> /dev/null)
  shown=$q
  [ ${#q} -gt 40 ] && shown="${q:0:20}… (${#q} bytes)"
  echo "$label | $shown | status, s: $result | items: $items"
done
