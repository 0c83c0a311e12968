-- Corroboration is membership of one fact (`claims.fact_id`): the linker no longer stores
-- a `corroborates` link per claim, and the graph projection derives those edges from the
-- facts. The stored ones go: a third of them joined claims that later articles had
-- regrouped into different facts. The per-row trigger is set aside for the delete (one
-- epoch bump, not one per row).
ALTER TABLE claim_links DISABLE TRIGGER graph_link_deleted;
DELETE FROM claim_links WHERE kind = 'corroborates';
ALTER TABLE claim_links ENABLE TRIGGER graph_link_deleted;
UPDATE graph_epoch SET epoch = epoch + 1;
