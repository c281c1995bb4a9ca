-- case: In a transaction-off revision each statement commits on its own, so ADD and VALIDATE are not in the same transaction.
-- expect-not: RAT011
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, quantity integer NOT NULL, status text NOT NULL);
-- up:
ALTER TABLE orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_quantity_positive;
