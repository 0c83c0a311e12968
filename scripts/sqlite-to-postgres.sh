#!/usr/bin/env bash
# Copies an embedded SQLite graph into PostgreSQL, for a deployment that outgrows one
# machine: every table row for row with its ids (the two schemas have the same tables and
# columns; `claim_places.id` is SQLite's rowid), then each id sequence and the change
# counter moved past the copied rows. Stop the writers of the SQLite file first.
#
# usage: scripts/sqlite-to-postgres.sh GRAPH.db postgres://user@host/db
# The PostgreSQL database must be migrated (`claimgraph migrate --db URL`) and hold no
# articles. Triggers are off while copying (session_replication_role = replica, which
# needs a superuser or that setting granted): the copied rows already hold what the
# triggers would compute, as the SQLite store's triggers computed it. Figures are copied
# at full precision. Needs sqlite3 and psql.
set -euo pipefail
db=${1:?usage: sqlite-to-postgres.sh GRAPH.db POSTGRES_URL}
url=${2:?usage: sqlite-to-postgres.sh GRAPH.db POSTGRES_URL}
[ -f "$db" ] || { echo "no SQLite file at $db" >&2; exit 2; }
pg() { psql "$url" -v ON_ERROR_STOP=1 -qAt "$@"; }

if [ "$(pg -c "SELECT count(*) FROM articles")" != 0 ]; then
  echo "$url already holds articles; copy into an empty, migrated database" >&2
  exit 1
fi

# the tables in dependency order, and each one's columns as PostgreSQL has them
tables="entities aliases alias_keys sources articles publications mentions facts claims
        claim_places claim_numbers entity_roles manual_aliases entity_redirects seat_readings
        named_places claim_links merges curation_log graph_epoch entity_renames
        claim_fact_changes"
pg -c "TRUNCATE graph_epoch"
for table in $tables; do
  columns=$(pg -c "SELECT string_agg(format('%I', column_name), ',' ORDER BY ordinal_position)
                   FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = '$table'
                     AND is_generated = 'NEVER'")
  # SQLite's select: the rowid for an id SQLite does not have, floats written exactly
  select=$(pg -c "SELECT string_agg(
                     CASE WHEN data_type = 'double precision'
                          THEN format('CASE WHEN %1\$I IS NULL THEN NULL
                                       ELSE printf(''%%!.17g'', %1\$I) END', column_name)
                          ELSE format('%I', column_name) END, ',' ORDER BY ordinal_position)
                   FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = '$table'
                     AND is_generated = 'NEVER'")
  if [ "$table" = claim_places ]; then
    select=${select/#id,/rowid,}
  fi
  sqlite3 -bail -csv "$db" "SELECT $select FROM \"$table\"" |
    PGOPTIONS="-c session_replication_role=replica" \
      psql "$url" -v ON_ERROR_STOP=1 -q -c "COPY $table ($columns) FROM STDIN WITH (FORMAT csv)"
  echo "$table: $(pg -c "SELECT count(*) FROM $table") rows"
done

# every identity moved past the copied ids, the change counter past the copied changes
pg <<'SQL'
DO $$
DECLARE t record; top bigint;
BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND column_name = 'id'
             AND is_identity = 'YES' LOOP
    EXECUTE format('SELECT max(id) FROM %I', t.table_name) INTO top;
    IF top IS NOT NULL THEN
      PERFORM setval(pg_get_serial_sequence(t.table_name, 'id'), top);
    END IF;
  END LOOP;
  SELECT greatest((SELECT max(seq) FROM entity_renames), (SELECT max(seq) FROM claim_fact_changes))
    INTO top;
  IF top IS NOT NULL THEN
    PERFORM setval('change_seq', top);
  END IF;
END $$;
ANALYZE;
SQL
echo "copied $db into PostgreSQL"
