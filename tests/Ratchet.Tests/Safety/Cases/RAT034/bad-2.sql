-- case: SQLite cannot DROP CONSTRAINT in place.
-- expect: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE orders (id INTEGER PRIMARY KEY, quantity INTEGER NOT NULL, CONSTRAINT orders_quantity_check CHECK (quantity > 0));
-- up:
ALTER TABLE orders DROP CONSTRAINT orders_quantity_check;
