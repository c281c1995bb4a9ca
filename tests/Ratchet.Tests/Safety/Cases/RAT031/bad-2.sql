-- case: ALTER DOMAIN ... ADD CONSTRAINT re-validates every column that uses the domain.
-- expect: RAT031
-- target: postgres@15
-- given:
CREATE DOMAIN positive_amount AS numeric(12,2);
CREATE TABLE payments (id bigint PRIMARY KEY, amount positive_amount NOT NULL);
-- up:
ALTER DOMAIN public.positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0);
