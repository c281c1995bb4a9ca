-- ratchet:revises 20260105_001
-- ratchet:message Create products

-- ratchet:up
CREATE TABLE products (
    id INTEGER PRIMARY KEY,
    sku TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents >= 0)
);

-- ratchet:down
DROP TABLE products;
