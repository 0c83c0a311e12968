-- Facts are listed the most reported first; with average-linkage facts a store holds tens
-- of thousands of them, so the order is read from an index instead of sorted per request.
CREATE INDEX facts_rank ON facts (size DESC, article_count DESC, id);

-- Claims sorted by corroboration are read fact by fact, the most reported first.
CREATE INDEX facts_corroboration ON facts (article_count DESC, id);
