-- The claim graph: articles, canonical entities with their aliases, mentions, claims.
-- Offsets (start/end) are Unicode code points into articles.text, as the API promises.

CREATE TABLE entities (
    id            INTEGER PRIMARY KEY,
    kind          TEXT    NOT NULL CHECK (kind IN ('person', 'organization', 'outlet', 'place')),
    name          TEXT    NOT NULL,
    -- folded form of `name` (see claimgraph_store::canon::fold)
    key           TEXT    NOT NULL,
    mention_count INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (kind, key)
);

CREATE TABLE aliases (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    alias     TEXT    NOT NULL,
    key       TEXT    NOT NULL,
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_key ON aliases (key);

CREATE TABLE sources (
    id        INTEGER PRIMARY KEY,
    name      TEXT    NOT NULL UNIQUE,
    entity_id INTEGER NOT NULL REFERENCES entities (id)
);

CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    content_hash TEXT    NOT NULL UNIQUE,
    title        TEXT,
    text         TEXT    NOT NULL,
    source_id    INTEGER REFERENCES sources (id),
    url          TEXT,
    published_at TEXT,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    claim_count  INTEGER NOT NULL DEFAULT 0,
    mention_count INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    entity_id  INTEGER NOT NULL REFERENCES entities (id),
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT    NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_id, article_id);
CREATE INDEX mentions_article ON mentions (article_id);

CREATE TABLE claims (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('direct', 'indirect', 'statement')),
    text         TEXT    NOT NULL,
    start        INTEGER NOT NULL,
    "end"        INTEGER NOT NULL,
    -- a named speaker is an entity; an unnamed one ("a resident") keeps only its words
    speaker_id   INTEGER REFERENCES entities (id),
    speaker_text TEXT,
    via_id       INTEGER REFERENCES entities (id),
    cue          TEXT
);
CREATE INDEX claims_article ON claims (article_id);
CREATE INDEX claims_speaker ON claims (speaker_id) WHERE speaker_id IS NOT NULL;
CREATE INDEX claims_via ON claims (via_id) WHERE via_id IS NOT NULL;

-- rowid order is the order the extractor listed the places in
CREATE TABLE claim_places (
    claim_id  INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    entity_id INTEGER NOT NULL REFERENCES entities (id),
    UNIQUE (claim_id, entity_id)
);
CREATE INDEX claim_places_entity ON claim_places (entity_id, claim_id);

CREATE TABLE claim_numbers (
    id        INTEGER PRIMARY KEY,
    claim_id  INTEGER NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    value     REAL    NOT NULL,
    unit      TEXT    NOT NULL,
    qualifier TEXT    NOT NULL,
    text      TEXT    NOT NULL,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL
);
CREATE INDEX claim_numbers_claim ON claim_numbers (claim_id);
