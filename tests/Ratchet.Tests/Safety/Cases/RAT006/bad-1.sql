-- case: Adding a STORED generated column to an existing table rewrites it.
-- expect: RAT006
-- target: postgres@15
-- given:
CREATE TABLE order_lines (id bigint PRIMARY KEY, quantity integer NOT NULL, unit_price_cents bigint NOT NULL);
-- up:
ALTER TABLE order_lines ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * unit_price_cents) STORED;
