-- ratchet:revises 20260105_002
-- ratchet:message Create orders, indexed by customer

-- ratchet:up
-- Status is a one-letter code for now: N (new), S (shipped), D (delivered).
CREATE TABLE orders (
    id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customers (id),
    status TEXT NOT NULL,
    total_cents INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_orders_customer_id ON orders (customer_id);

-- ratchet:down
DROP INDEX idx_orders_customer_id;
DROP TABLE orders;
