-- migrate:up transaction:false
CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE accounts ADD COLUMN name varchar(100);

-- migrate:down
DROP INDEX accounts_email_idx;
ALTER TABLE accounts DROP COLUMN name;
