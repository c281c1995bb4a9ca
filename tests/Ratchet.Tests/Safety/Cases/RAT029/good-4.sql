-- case: SQLite: the foreign key column is indexed in the same revision.
-- expect-not: RAT029
-- target: sqlite@3.40
-- given:
CREATE TABLE orders (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);
-- up:
CREATE TABLE order_items (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id), sku TEXT NOT NULL);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
