-- Curation that can be reversed and is accounted for (claimgraph_store's `curate` module).

-- The mention each claim place came from, so moving a mention to another place moves the
-- claims' places that it gave, and only those. NULL where no mention of the place has the
-- place's span. Rows stored before this migration get the mention of the same place in
-- the claim's article that lies inside the claim, else the nearest one (the scene of a
-- sentence, "In X, ...", stands before a quote).
ALTER TABLE claim_places ADD COLUMN mention_id INTEGER;

-- Filling the new column is no change the graph projection needs to follow: the trigger
-- counts changes of what a row links, not of every column.
DROP TRIGGER graph_place_moved;

UPDATE claim_places SET mention_id = (
    SELECT m.id FROM claims c JOIN mentions m
        ON m.article_id = c.article_id AND m.entity_id = claim_places.entity_id
    WHERE c.id = claim_places.claim_id
    ORDER BY (m.start >= c.start AND m."end" <= c."end") DESC, abs(m.start - c.start), m.id
    LIMIT 1);

CREATE TRIGGER graph_place_moved AFTER UPDATE OF claim_id, entity_id ON claim_places
WHEN old.claim_id IS NOT new.claim_id OR old.entity_id IS NOT new.entity_id BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

-- An entity stored again under an id below the newest (a merge undone restores the merged
-- entity's id): the projection finds new entities by id, so only a rebuild sees it.
CREATE TRIGGER graph_entity_restored AFTER INSERT ON entities
WHEN new.id < (SELECT MAX(id) FROM entities) BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

-- Every merge, with what it changed (JSON, see `curate::MergeMoves`), so that it can be
-- undone exactly. AUTOINCREMENT: a merge id is never handed out twice.
CREATE TABLE merges (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    into_id    INTEGER NOT NULL,
    from_id    INTEGER NOT NULL,
    moves      TEXT    NOT NULL,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    undone_at  TEXT
);
CREATE INDEX merges_into ON merges (into_id);
CREATE INDEX merges_from ON merges (from_id);

-- Who changed what and when: one row per merge, undo, alias and place correction.
-- `actor` is the server's label of the credential (a hash of the bearer token, or
-- 'anonymous'); `actor_name` is what the client says of itself (unverified).
CREATE TABLE curation_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    action     TEXT    NOT NULL CHECK (action IN ('merge', 'unmerge', 'alias', 'relink')),
    actor      TEXT    NOT NULL,
    actor_name TEXT,
    entity_id  INTEGER,
    merge_id   INTEGER,
    mention_id INTEGER,
    detail     TEXT    NOT NULL,
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
