-- case: A new table with a foreign key column and no index on it.
-- expect: RAT029
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
-- up:
CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), sku text NOT NULL);
