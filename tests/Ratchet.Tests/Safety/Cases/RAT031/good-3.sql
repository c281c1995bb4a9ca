-- case: Dropping a domain constraint validates nothing.
-- expect-not: RAT031
-- target: postgres@15
-- given:
CREATE DOMAIN positive_amount AS numeric(12,2) CONSTRAINT positive_amount_check CHECK (VALUE > 0);
-- up:
ALTER DOMAIN positive_amount DROP CONSTRAINT IF EXISTS positive_amount_check;
