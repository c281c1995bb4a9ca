-- ratchet:revises base
-- ratchet:message Create accounts

-- ratchet:up
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email varchar(200) NOT NULL
);

-- ratchet:down
DROP TABLE accounts;
