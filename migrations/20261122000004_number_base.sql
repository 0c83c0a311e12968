-- A number's value in its dimension's base unit (km2, km, hour) when a fixed conversion
-- exists, so that figures given in different units can be compared ("700 square miles"
-- against "1,813 km2"). NULL for counts, currencies and percentages.
ALTER TABLE claim_numbers ADD COLUMN base_value REAL;
ALTER TABLE claim_numbers ADD COLUMN base_unit  TEXT;
CREATE INDEX claim_numbers_base ON claim_numbers (base_unit, base_value) WHERE base_unit IS NOT NULL;
