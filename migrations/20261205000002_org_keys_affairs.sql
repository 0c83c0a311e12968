-- Organisation keys now drop a portfolio's "Affairs" and read "internal" as "interior"
-- ("Ministry of Foreign Affairs of X" is X's Foreign Ministry; "Ministry of Internal
-- Affairs" its Interior Ministry: claimgraph_graph::canon::org_key). The keys of stored
-- aliases that hold either word are emptied here; the store computes every empty key
-- again when it opens (`Store::rekey`), so old and new mentions of one ministry meet.
UPDATE aliases SET rkey = ''
WHERE (lower(alias) LIKE '%affairs%' OR lower(alias) LIKE '%internal%')
  AND entity_id IN (SELECT id FROM entities WHERE kind = 'organization');
