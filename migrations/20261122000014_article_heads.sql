-- An article row holds its text before its source and dates, so reading a claim's source
-- or date from the row follows the text's overflow pages: a list of facts at 100k
-- articles read thousands of them cold. This index holds what claim reads need of an
-- article, a few bytes each; the reads name it with INDEXED BY, since the planner
-- otherwise prefers the row by its primary key.
CREATE INDEX articles_head ON articles (id, source_id, published_at, created_at);
