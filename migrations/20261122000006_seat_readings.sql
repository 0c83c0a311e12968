-- A regional capital's bare name ("Kherson") that its article leaves open between the city
-- and the region named after it. The store links each such mention to one of the two by
-- what the whole corpus says (claimgraph_store's `seats` module), and moves it when an
-- article settles the question.
CREATE TABLE seat_readings (
    article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    mention_id INTEGER REFERENCES mentions (id) ON DELETE CASCADE,
    claim_id   INTEGER REFERENCES claims (id) ON DELETE CASCADE,
    city_key   TEXT    NOT NULL,
    region_key TEXT    NOT NULL,
    surface    TEXT    NOT NULL
);
CREATE INDEX seat_readings_city ON seat_readings (city_key);
CREATE INDEX seat_readings_region ON seat_readings (region_key);

-- Places some article names without doubt: a city called a city, a region named as one.
CREATE TABLE named_places (
    key TEXT PRIMARY KEY
) WITHOUT ROWID;
