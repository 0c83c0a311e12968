#!/usr/bin/env bash
# Checks scripts/sqlite-to-postgres.sh: half of a generated corpus ingested into SQLite and
# copied to PostgreSQL, then the other half ingested into both; every table must then
# hold the same rows in both, ids included (so the copy moved the sequences and change
# counter past the copied rows, and the copied graph resolves and links new articles as
# the original does).
# usage: scripts/copy-check.sh BINARY CORPUS_BINARY   (needs sqlite3, psql and
# CLAIMGRAPH_TEST_POSTGRES_URL, a server this may create databases on)
set -euo pipefail
bin=$(realpath "$1")
corpus_bin=$(realpath "$2")
root=$(cd "$(dirname "$0")/.." && pwd)
base_url=${CLAIMGRAPH_TEST_POSTGRES_URL:?set CLAIMGRAPH_TEST_POSTGRES_URL}
db="cg_copy_$$"
url="${base_url%/*}/$db"
tmp=$(mktemp -d)
trap 'psql "$base_url" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT

"$corpus_bin" --articles 160 --seed 5 --out "$tmp/corpus" --per-file 40 >/dev/null 2>&1
files=("$tmp"/corpus/*.ndjson)
"$bin" ingest --db "$tmp/graph.db" "${files[@]:0:2}" >/dev/null 2>&1
psql "$base_url" -qc "CREATE DATABASE $db"
"$bin" migrate --db "$url" >/dev/null 2>&1
bash "$root/scripts/sqlite-to-postgres.sh" "$tmp/graph.db" "$url" >/dev/null
for target in "$tmp/graph.db" "$url"; do
  "$bin" ingest --db "$target" "${files[@]:2}" >/dev/null 2>&1
done

# every table's rows compared value for value: figures as the doubles they are (the two
# command-line clients print them to different precisions)
python3 - "$tmp/graph.db" "$url" <<'PY'
import csv, io, os, sqlite3, subprocess, sys

db, url = sys.argv[1], sys.argv[2]
# (query, whether its rows are sorted here): the rows of tables without a numeric key are
# compared as sorted strings, as the engines order NULLs and text differently
QUERIES = [
    ("SELECT id, article_id, kind, text, start, \"end\", speaker_id, speaker_text, via_id,"
     " cue, fact_id, signature FROM claims ORDER BY id", False),
    ("SELECT id, entity_id, article_id, start, \"end\", text FROM mentions ORDER BY id", False),
    ("SELECT claim_id, entity_id, mention_id FROM claim_places ORDER BY claim_id, entity_id",
     False),
    ("SELECT id, claim_id, value, unit, qualifier, text, start, base_value, base_unit"
     " FROM claim_numbers ORDER BY id", False),
    ("SELECT a, b, kind, score FROM claim_links ORDER BY a, b, kind", False),
    ("SELECT id, size, article_count FROM facts ORDER BY id", False),
    ("SELECT id, kind, name, key, mention_count, geonames_id, lat, lon, place_type"
     " FROM entities ORDER BY id", False),
    ("SELECT id, content_hash, title, source_id, claim_count, mention_count FROM articles"
     " ORDER BY id", False),
    ("SELECT entity_id, alias, key, rkey FROM aliases", True),
    ("SELECT mention_id, claim_id, city_key, region_key, surface FROM seat_readings", True),
    ("SELECT key FROM named_places", True),
]
NULL = "\\N"


def postgres_rows(query):
    out = subprocess.run(
        ["psql", url, "-qX", "--csv", "-t", "-P", "null=" + NULL, "-c", query],
        check=True, capture_output=True, text=True,
        env={**os.environ, "PGOPTIONS": "-c extra_float_digits=3"},
    ).stdout
    return list(csv.reader(io.StringIO(out)))


def same(mine, theirs):
    if mine is None:
        return theirs == NULL
    if isinstance(mine, float):
        return theirs != NULL and float(theirs) == mine
    return str(mine) == theirs


def as_text(row):
    return [NULL if v is None else str(v) for v in row]


conn = sqlite3.connect(db)
failed = False
for query, sort_here in QUERIES:
    ours = conn.execute(query).fetchall()
    theirs = postgres_rows(query)
    if sort_here:
        ours = sorted(as_text(r) for r in ours)
        theirs = sorted(theirs)
    bad = [
        (a, b) for a, b in zip(ours, theirs)
        if len(a) != len(b) or not all(same(x, y) for x, y in zip(a, b))
    ]
    if not ours or len(ours) != len(theirs) or bad:
        print(f"copy-check: {query[:60]}... differs: {len(ours)} SQLite rows,"
              f" {len(theirs)} PostgreSQL rows; first difference {bad[:1]}", file=sys.stderr)
        failed = True
sys.exit(1 if failed else 0)
PY
echo "copy-check: every table the same after copying and ingesting on both"
