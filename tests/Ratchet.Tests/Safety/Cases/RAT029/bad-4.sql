-- case: An index exists on (created_at, customer_id), but it does not start with the foreign key column.
-- expect: RAT029
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, created_at timestamptz NOT NULL);
CREATE INDEX orders_created_at_customer_id_idx ON orders (created_at, customer_id);
-- up:
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
