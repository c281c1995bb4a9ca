-- case: ADD CONSTRAINT ... FOREIGN KEY on an existing column that no index covers.
-- expect: RAT029
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL, created_at timestamptz NOT NULL);
-- up:
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
