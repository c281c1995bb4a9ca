-- case: Dropping a CHECK constraint is neither DROP NOT NULL nor a foreign key.
-- expect-not: RAT021
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, quantity integer NOT NULL CONSTRAINT orders_quantity_check CHECK (quantity > 0));
-- up:
ALTER TABLE orders DROP CONSTRAINT orders_quantity_check;
