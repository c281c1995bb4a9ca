-- case: bigint to bigint changes nothing.
-- expect-not: RAT015
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
-- up:
ALTER TABLE orders ALTER COLUMN customer_id TYPE bigint;
