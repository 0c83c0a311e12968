#!/usr/bin/env bash
# The graph is a function of its input: ingest a corpus in two fresh processes, one article
# per transaction as the HTTP API writes them, and compare the JSON-LD exports.
# usage: scripts/same-graph.sh BINARY CORPUS_DIR
set -euo pipefail
bin=$1
corpus=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for run in first second; do
  "$bin" ingest --batch 1 --db "$tmp/$run.db" "$corpus" >/dev/null 2>&1
  "$bin" export --format jsonld --db "$tmp/$run.db" --out "$tmp/$run.jsonld" 2>/dev/null
done
if ! cmp -s "$tmp/first.jsonld" "$tmp/second.jsonld"; then
  echo "same-graph: two processes made different graphs of $corpus" >&2
  diff <(python3 -m json.tool "$tmp/first.jsonld") <(python3 -m json.tool "$tmp/second.jsonld") | head -40 >&2
  exit 1
fi
echo "same-graph: $corpus gives one graph ($(wc -c <"$tmp/first.jsonld") bytes of JSON-LD)"
