-- case: SQLite: a foreign key column without an index.
-- expect: RAT029
-- target: sqlite@3.40
-- given:
CREATE TABLE orders (id INTEGER PRIMARY KEY, created_at TEXT NOT NULL);
-- up:
CREATE TABLE order_items (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id), sku TEXT NOT NULL);
