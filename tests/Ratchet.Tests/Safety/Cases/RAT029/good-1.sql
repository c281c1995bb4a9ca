-- case: The foreign key column is indexed in the same revision.
-- expect-not: RAT029
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
-- up:
CREATE TABLE order_items (id bigint PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id), sku text NOT NULL);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
