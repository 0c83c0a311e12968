-- Prefix search (`GET /v1/claims?q=evacuat*`): the whole words of claim text, unstemmed.
-- `claims_fts` stems ("evacuate" is stored as "evacu"), so a prefix longer than the stem
-- found nothing there, and a short prefix read every word it starts. The store instead
-- reads the words a prefix starts from this index's vocabulary and searches `claims_fts`
-- for them as whole words (claimgraph_store::search). Only the vocabulary is read, so
-- `detail = none` keeps the index to document lists. Kept in step with claims by
-- triggers, like `claims_fts`.
CREATE VIRTUAL TABLE claims_words USING fts5(
    text,
    content = 'claims',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = none
);

-- one row per word: `term`, and `doc`, how many claims hold it
CREATE VIRTUAL TABLE claims_words_vocab USING fts5vocab(claims_words, 'row');

CREATE TRIGGER claims_words_insert AFTER INSERT ON claims BEGIN
    INSERT INTO claims_words (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER claims_words_delete AFTER DELETE ON claims BEGIN
    INSERT INTO claims_words (claims_words, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER claims_words_update AFTER UPDATE OF text ON claims BEGIN
    INSERT INTO claims_words (claims_words, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO claims_words (rowid, text) VALUES (new.id, new.text);
END;

-- claims stored before this migration
INSERT INTO claims_words (claims_words) VALUES ('rebuild');
