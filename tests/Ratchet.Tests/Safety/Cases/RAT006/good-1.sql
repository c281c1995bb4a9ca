-- case: The safe alternative: a plain nullable column, to be backfilled later.
-- expect-not: RAT006
-- target: postgres@15
-- given:
CREATE TABLE order_lines (id bigint PRIMARY KEY, quantity integer NOT NULL, unit_price_cents bigint NOT NULL);
-- up:
ALTER TABLE order_lines ADD COLUMN total_cents bigint;
