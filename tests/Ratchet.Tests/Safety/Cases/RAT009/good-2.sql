-- case: VALIDATE CONSTRAINT in its own revision takes only SHARE UPDATE EXCLUSIVE.
-- expect-not: RAT009
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, quantity integer NOT NULL, status text NOT NULL);
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0) NOT VALID;
-- up:
ALTER TABLE orders VALIDATE CONSTRAINT orders_quantity_positive;
