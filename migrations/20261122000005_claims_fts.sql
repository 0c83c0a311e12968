-- Full-text search over claim text (`GET /v1/claims?q=`): an external-content FTS5 index
-- of claims.text, kept in step with the claims table by triggers, so every writer (the
-- API, `ingest`, merges) keeps it right without knowing it exists.
-- Porter stemming over unicode61 without diacritics: "strikes" finds "strike", "Maric"
-- finds "Marić".
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text,
    content = 'claims',
    content_rowid = 'id',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;

-- claims stored before this migration
INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
