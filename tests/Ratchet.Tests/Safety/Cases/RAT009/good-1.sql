-- case: The safe alternative: CHECK ... NOT VALID.
-- expect-not: RAT009
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, quantity integer NOT NULL, status text NOT NULL);
-- up:
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0) NOT VALID;
