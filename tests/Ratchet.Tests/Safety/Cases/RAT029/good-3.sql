-- case: An index from an earlier revision starts with the foreign key column (and has more columns).
-- expect-not: RAT029
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, created_at timestamptz NOT NULL);
CREATE INDEX orders_customer_id_created_at_idx ON orders (customer_id, created_at);
-- up:
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
