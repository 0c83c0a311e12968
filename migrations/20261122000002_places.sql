-- Places from the GeoNames gazetteer: identity, position and type of a place entity.
-- A gazetteer place is keyed `gn:<geonameid>` (a region `adm1:<CC>.<code>`) in entities.key,
-- so every spelling GeoNames lists is one entity; its names are rows in aliases.

ALTER TABLE entities ADD COLUMN geonames_id INTEGER;
ALTER TABLE entities ADD COLUMN lat REAL;
ALTER TABLE entities ADD COLUMN lon REAL;
-- ISO 3166 alpha-2
ALTER TABLE entities ADD COLUMN country_code TEXT;
ALTER TABLE entities ADD COLUMN place_type TEXT
    CHECK (place_type IS NULL OR place_type IN ('city', 'region', 'country', 'other'));

CREATE INDEX entities_geonames ON entities (geonames_id) WHERE geonames_id IS NOT NULL;
