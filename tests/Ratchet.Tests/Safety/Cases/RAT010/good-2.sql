-- case: A new table referencing an existing one: nothing to scan.
-- expect-not: RAT010
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
-- up:
CREATE TABLE customer_notes (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), body text NOT NULL);
CREATE INDEX customer_notes_customer_id_idx ON customer_notes (customer_id);
