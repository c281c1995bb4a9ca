-- ratchet:revises 20240101000002
-- ratchet:message Create entries

-- ratchet:up
CREATE TABLE entries (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id),
    amount integer NOT NULL
);

-- ratchet:down
DROP TABLE entries;
