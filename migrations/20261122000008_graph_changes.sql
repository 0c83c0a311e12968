-- What the graph projection (claimgraph-graph) needs to follow the store without reading
-- it all again. New rows are found by id (articles, entities, claim_links only grow);
-- these triggers record changes to rows already read, so no writer needs to know:
-- `graph_epoch` counts changes only a rebuild can follow (a merge, a mention moved to
-- another entity, a link deleted), `entity_renames` lists entities whose name or kind
-- changed, each with a growing sequence number.
CREATE TABLE graph_epoch (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    epoch INTEGER NOT NULL
);
INSERT INTO graph_epoch (id, epoch) VALUES (1, 0);

CREATE TABLE entity_renames (
    entity_id INTEGER PRIMARY KEY,
    seq       INTEGER NOT NULL
);
CREATE INDEX entity_renames_seq ON entity_renames (seq);

CREATE TRIGGER graph_entity_renamed AFTER UPDATE OF name, kind ON entities
WHEN old.name IS NOT new.name OR old.kind IS NOT new.kind BEGIN
    INSERT OR REPLACE INTO entity_renames (entity_id, seq)
    VALUES (new.id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM entity_renames));
END;

CREATE TRIGGER graph_entity_deleted AFTER DELETE ON entities BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_article_changed AFTER UPDATE OF source_id, title ON articles
WHEN old.source_id IS NOT new.source_id OR old.title IS NOT new.title BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_article_deleted AFTER DELETE ON articles BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_source_moved AFTER UPDATE OF entity_id ON sources
WHEN old.entity_id IS NOT new.entity_id BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

-- the writer adds mentions and places to the article it is writing (the newest); a row
-- added to an older article is a change to what was read
CREATE TRIGGER graph_mention_added_late AFTER INSERT ON mentions
WHEN new.article_id < (SELECT MAX(id) FROM articles) BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_mention_moved AFTER UPDATE OF entity_id, article_id ON mentions
WHEN old.entity_id IS NOT new.entity_id OR old.article_id IS NOT new.article_id BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_mention_deleted AFTER DELETE ON mentions BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_claim_moved AFTER UPDATE OF speaker_id, via_id, article_id ON claims
WHEN old.speaker_id IS NOT new.speaker_id OR old.via_id IS NOT new.via_id
     OR old.article_id IS NOT new.article_id BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_claim_deleted AFTER DELETE ON claims BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_place_added_late AFTER INSERT ON claim_places
WHEN (SELECT article_id FROM claims WHERE id = new.claim_id) < (SELECT MAX(id) FROM articles)
BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_place_moved AFTER UPDATE ON claim_places BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_place_deleted AFTER DELETE ON claim_places BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_link_changed AFTER UPDATE OF a, b, kind, score ON claim_links BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;

CREATE TRIGGER graph_link_deleted AFTER DELETE ON claim_links BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;
