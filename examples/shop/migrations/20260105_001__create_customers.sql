-- ratchet:revises base
-- ratchet:message Create customers

-- ratchet:up
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- ratchet:down
DROP TABLE customers;
