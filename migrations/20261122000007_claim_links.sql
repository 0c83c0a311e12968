-- Claims of different articles that report the same fact or utterance (`corroborates`) or
-- give different figures for the same quantity (`conflicts`). A link is symmetric and
-- stored once, the smaller claim id first. `id` grows with every link, so a reader can
-- catch up on the links made since it last looked.
CREATE TABLE claim_links (
    id    INTEGER PRIMARY KEY,
    a     INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    b     INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    kind  TEXT    NOT NULL CHECK (kind IN ('corroborates', 'conflicts')),
    score REAL    NOT NULL,
    CHECK (a < b),
    UNIQUE (a, b, kind)
);
CREATE INDEX claim_links_b ON claim_links (b, kind);

-- A fact: the claims that corroborating links join, across articles. `claims.fact_id` is
-- NULL for a claim nothing corroborates.
CREATE TABLE facts (
    id         INTEGER PRIMARY KEY,
    size       INTEGER NOT NULL DEFAULT 0,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
ALTER TABLE claims ADD COLUMN fact_id INTEGER REFERENCES facts (id);
CREATE INDEX claims_fact ON claims (fact_id) WHERE fact_id IS NOT NULL;
