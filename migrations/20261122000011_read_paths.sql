-- What the hot reads need so their cost follows the page, not the database.

-- Corroborations of a claim: how many other articles report its fact. Counting the fact's
-- claims per request grew with the fact (a templated fact holds thousands of claims), so
-- each fact keeps how many distinct articles it holds, maintained by triggers on claims:
-- a claim's article counts when the first claim of that article joins the fact and stops
-- counting when its last one leaves. No writer needs to know.
ALTER TABLE facts ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;

-- (fact, article) answers "does this article already hold a claim of the fact" by index;
-- it also serves every lookup by fact alone, so the fact-only index goes.
CREATE INDEX claims_fact_article ON claims (fact_id, article_id) WHERE fact_id IS NOT NULL;
DROP INDEX claims_fact;

UPDATE facts SET article_count =
    (SELECT count(DISTINCT article_id) FROM claims WHERE fact_id = facts.id);

CREATE TRIGGER facts_article_added AFTER INSERT ON claims
WHEN new.fact_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM claims x
    WHERE x.fact_id = new.fact_id AND x.article_id = new.article_id AND x.id <> new.id)
BEGIN
    UPDATE facts SET article_count = article_count + 1 WHERE id = new.fact_id;
END;

CREATE TRIGGER facts_article_joined AFTER UPDATE OF fact_id, article_id ON claims
WHEN new.fact_id IS NOT NULL
     AND (old.fact_id IS NOT new.fact_id OR old.article_id IS NOT new.article_id)
     AND NOT EXISTS (
         SELECT 1 FROM claims x
         WHERE x.fact_id = new.fact_id AND x.article_id = new.article_id AND x.id <> new.id)
BEGIN
    UPDATE facts SET article_count = article_count + 1 WHERE id = new.fact_id;
END;

CREATE TRIGGER facts_article_left AFTER UPDATE OF fact_id, article_id ON claims
WHEN old.fact_id IS NOT NULL
     AND (old.fact_id IS NOT new.fact_id OR old.article_id IS NOT new.article_id)
     AND NOT EXISTS (
         SELECT 1 FROM claims x
         WHERE x.fact_id = old.fact_id AND x.article_id = old.article_id AND x.id <> old.id)
BEGIN
    UPDATE facts SET article_count = article_count - 1 WHERE id = old.fact_id;
END;

CREATE TRIGGER facts_article_removed AFTER DELETE ON claims
WHEN old.fact_id IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM claims x WHERE x.fact_id = old.fact_id AND x.article_id = old.article_id)
BEGIN
    UPDATE facts SET article_count = article_count - 1 WHERE id = old.fact_id;
END;

-- Entity search by substring ("contains" and "starts with" the query's folded key): an
-- FTS5 trigram index over the distinct alias keys, so `LIKE '%q%'` is answered by index
-- instead of reading every alias. Keys are only ever added (a key no alias holds any
-- more finds no alias, which is harmless), by a trigger on aliases.
CREATE TABLE alias_keys (
    id  INTEGER PRIMARY KEY,
    key TEXT    NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE alias_keys_fts USING fts5(
    key,
    content = 'alias_keys',
    content_rowid = 'id',
    tokenize = 'trigram'
);

CREATE TRIGGER alias_keys_fts_insert AFTER INSERT ON alias_keys BEGIN
    INSERT INTO alias_keys_fts (rowid, key) VALUES (new.id, new.key);
END;

CREATE TRIGGER alias_keys_fts_delete AFTER DELETE ON alias_keys BEGIN
    INSERT INTO alias_keys_fts (alias_keys_fts, rowid, key) VALUES ('delete', old.id, old.key);
END;

CREATE TRIGGER alias_keys_fts_update AFTER UPDATE OF key ON alias_keys BEGIN
    INSERT INTO alias_keys_fts (alias_keys_fts, rowid, key) VALUES ('delete', old.id, old.key);
    INSERT INTO alias_keys_fts (rowid, key) VALUES (new.id, new.key);
END;

-- no conflict clause: an outer INSERT OR REPLACE would otherwise turn it into a replace
CREATE TRIGGER aliases_key_added AFTER INSERT ON aliases
WHEN NOT EXISTS (SELECT 1 FROM alias_keys WHERE key = new.key) BEGIN
    INSERT INTO alias_keys (key) VALUES (new.key);
END;

CREATE TRIGGER aliases_key_changed AFTER UPDATE OF key ON aliases
WHEN NOT EXISTS (SELECT 1 FROM alias_keys WHERE key = new.key) BEGIN
    INSERT INTO alias_keys (key) VALUES (new.key);
END;

INSERT INTO alias_keys (key) SELECT DISTINCT key FROM aliases ORDER BY key;

-- The most mentioned entities first (`GET /v1/entities` without `q`): read in index order
-- (a kind filter skips the others) instead of sorting every entity per request.
CREATE INDEX entities_mentioned ON entities (mention_count DESC, id);
