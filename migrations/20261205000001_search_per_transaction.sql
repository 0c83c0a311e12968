-- The claim search indexes (`claims_fts`, `claims_words`) are filled once per write
-- transaction instead of by a trigger per claim. Inside a transaction every statement that
-- may need rolling back on its own opens a statement savepoint, and FTS5 writes its pending
-- terms to disk at each one: with per-claim triggers each claim became a segment of its own
-- that FTS5 then merged again, a third of the writer's time. The writer now inserts the
-- claims above `search_indexed.upto` into both indexes before it commits (one statement
-- each, so one flush), in the same transaction: a reader never sees a claim that search
-- cannot find.
DROP TRIGGER claims_fts_insert;
DROP TRIGGER claims_words_insert;

-- The highest claim id both search indexes hold.
CREATE TABLE search_indexed (
    upto INTEGER NOT NULL
);
INSERT INTO search_indexed (upto) SELECT COALESCE(MAX(id), 0) FROM claims;

-- A claim not yet indexed must not be taken out of the indexes (FTS5 would subtract terms
-- it never counted): deletes and edits touch indexed claims only.
DROP TRIGGER claims_fts_delete;
CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims
WHEN old.id <= (SELECT upto FROM search_indexed) BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

DROP TRIGGER claims_fts_update;
CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims
WHEN old.id <= (SELECT upto FROM search_indexed) BEGIN
    INSERT INTO claims_fts (claims_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claims_fts (rowid, text) VALUES (new.id, new.text);
END;

DROP TRIGGER claims_words_delete;
CREATE TRIGGER claims_words_delete AFTER DELETE ON claims
WHEN old.id <= (SELECT upto FROM search_indexed) BEGIN
    INSERT INTO claims_words (claims_words, rowid, text) VALUES ('delete', old.id, old.text);
END;

DROP TRIGGER claims_words_update;
CREATE TRIGGER claims_words_update AFTER UPDATE OF text ON claims
WHEN old.id <= (SELECT upto FROM search_indexed) BEGIN
    INSERT INTO claims_words (claims_words, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claims_words (rowid, text) VALUES (new.id, new.text);
END;
