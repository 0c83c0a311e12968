-- Publications: the outlets and addresses one text was published under. Wire copy posted
-- by a second outlet is the same article (same content hash, same claims) published
-- again; it used to be answered with the first article and recorded nowhere, so "five
-- outlets, one story" could not be seen. An article's own source and url stay its first
-- publication's.
CREATE TABLE publications (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles (id),
    source_id    INTEGER REFERENCES sources (id),
    url          TEXT,
    title        TEXT,
    published_at TEXT,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    -- a publication names an outlet or an address: an anonymous re-post is no news
    CHECK (source_id IS NOT NULL OR url IS NOT NULL)
);

-- One row per outlet and address of an article: posting the same copy twice records it
-- once. The outlet's id follows so the outlets of a fact's articles are read by index.
CREATE UNIQUE INDEX publications_once
    ON publications (article_id, coalesce(source_id, 0), coalesce(url, ''));
CREATE INDEX publications_article ON publications (article_id, source_id);

INSERT INTO publications (article_id, source_id, url, title, published_at, created_at)
SELECT id, source_id, url, title, published_at, created_at FROM articles
WHERE source_id IS NOT NULL OR url IS NOT NULL
ORDER BY id;
