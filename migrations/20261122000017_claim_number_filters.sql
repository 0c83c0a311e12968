-- A claim list filtered on numbers checks each claim it reads for a figure in a unit and
-- range: one seek in an index that starts with the claim, however many figures the claim
-- or the store holds. The old index on (base_unit, base_value) led the planner to read
-- every figure of the unit for every claim checked (14 s for one page at 300 articles; a
-- million-byte article of one repeated figure made any page of its unit time out);
-- nothing else read it. The claim's index (claim_id) stays: it gives a claim's figures in
-- text order.
DROP INDEX claim_numbers_base;
CREATE INDEX claim_numbers_claim_unit ON claim_numbers (claim_id, unit, value);
CREATE INDEX claim_numbers_claim_base ON claim_numbers (claim_id, base_unit, base_value)
    WHERE base_unit IS NOT NULL;
