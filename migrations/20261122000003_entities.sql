-- Entity resolution beyond the exact folded key (see claimgraph_store::canon).

-- The kind-aware resolution key of each alias (canon::resolve_key): transliteration,
-- region words, organisation word sets. '' until the store computes it at open time.
ALTER TABLE aliases ADD COLUMN rkey TEXT NOT NULL DEFAULT '';
CREATE INDEX aliases_rkey ON aliases (rkey);

-- People: keys of the surname and given name (canon::person_key), so a surname-only
-- mention finds the one known person with that surname by index.
ALTER TABLE entities ADD COLUMN skey TEXT;
ALTER TABLE entities ADD COLUMN gkey TEXT;
CREATE INDEX entities_surname ON entities (kind, skey) WHERE skey IS NOT NULL;

-- Titles and roles the articles give an entity ("general", "spokesman").
CREATE TABLE entity_roles (
    entity_id INTEGER NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
    role      TEXT    NOT NULL,
    PRIMARY KEY (entity_id, role)
) WITHOUT ROWID;

-- Analysts' decisions, consulted first by the writer so re-ingesting never undoes them.
-- A name (kind, folded key) that must resolve to this entity.
CREATE TABLE manual_aliases (
    kind       TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    alias      TEXT    NOT NULL,
    entity_id  INTEGER NOT NULL,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (kind, key)
);
-- An entity merged into another: its id answers with a redirect to the survivor.
CREATE TABLE entity_redirects (
    from_id    INTEGER PRIMARY KEY,
    into_id    INTEGER NOT NULL,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
