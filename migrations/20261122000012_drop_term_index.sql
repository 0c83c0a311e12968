-- The writer keeps the token index of claims for corroboration in memory, built from
-- `claims.signature` (claimgraph_store's `link` module): the on-disk index, eight rows
-- per claim, cost most of a bulk ingest's time and a third of the database.
DROP TABLE claim_terms;
DROP TABLE term_df;
