-- What corroboration compares (claimgraph_store's `corroborate` module): each claim's
-- comparison tokens, an index from token to claims, and how many claims hold each token
-- (the row '#claims' holds the number of claims indexed).
ALTER TABLE claims ADD COLUMN signature TEXT;

CREATE TABLE claim_terms (
    term     TEXT    NOT NULL,
    claim_id INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    PRIMARY KEY (term, claim_id)
) WITHOUT ROWID;

CREATE TABLE term_df (
    term TEXT    PRIMARY KEY,
    df   INTEGER NOT NULL
) WITHOUT ROWID;
