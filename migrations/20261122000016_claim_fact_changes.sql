-- Claims whose fact changed after they were written. Facts regroup on every ingest (a
-- later article joins, splits or moves them), and the graph projection (claimgraph-graph),
-- which exports each claim's fact, re-reads just these claims instead of rebuilding: one
-- row per claim, its sequence number the latest change, like `entity_renames`.
CREATE TABLE claim_fact_changes (
    claim_id INTEGER PRIMARY KEY,
    seq      INTEGER NOT NULL
);
CREATE INDEX claim_fact_changes_seq ON claim_fact_changes (seq);

CREATE TRIGGER graph_claim_fact_changed AFTER UPDATE OF fact_id ON claims
WHEN old.fact_id IS NOT new.fact_id BEGIN
    INSERT OR REPLACE INTO claim_fact_changes (claim_id, seq)
    VALUES (new.id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM claim_fact_changes));
END;
