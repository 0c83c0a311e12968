-- Corroboration is membership of one fact (`claims.fact_id`): the linker no longer stores
-- a `corroborates` link per claim, and the graph projection derives those edges from the
-- facts. The stored ones go: a third of them joined claims that later articles had
-- regrouped into different facts, so the graph said they corroborated each other when
-- their claims' own records said not. The per-row trigger is set aside for the delete
-- (one epoch bump, not one per row).
DROP TRIGGER graph_link_deleted;
DELETE FROM claim_links WHERE kind = 'corroborates';
CREATE TRIGGER graph_link_deleted AFTER DELETE ON claim_links BEGIN
    UPDATE graph_epoch SET epoch = epoch + 1;
END;
UPDATE graph_epoch SET epoch = epoch + 1;
