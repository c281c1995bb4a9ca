-- ratchet:revises 20240101000001
-- ratchet:message Add account name

-- ratchet:up
CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE accounts ADD COLUMN name varchar(100);

-- ratchet:down
DROP INDEX accounts_email_idx;
ALTER TABLE accounts DROP COLUMN name;
