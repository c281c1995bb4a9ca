-- case: integer to bigint is not binary-coercible: the table is rewritten.
-- expect: RAT015
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, quantity integer NOT NULL);
-- up:
ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;
