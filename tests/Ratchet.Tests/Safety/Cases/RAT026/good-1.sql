-- case: TRUNCATE naming every table, without CASCADE.
-- expect-not: RAT026
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
-- up:
TRUNCATE TABLE orders, customers;
