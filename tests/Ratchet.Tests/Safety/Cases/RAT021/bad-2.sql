-- case: Dropping a foreign key (known from the earlier revision) by name.
-- expect: RAT021
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
-- up:
ALTER TABLE public.orders DROP CONSTRAINT IF EXISTS orders_customer_id_fkey;
