-- case: VALIDATE alone in its own revision, the constraint having been added NOT VALID earlier.
-- expect-not: RAT011
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
-- up:
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;
