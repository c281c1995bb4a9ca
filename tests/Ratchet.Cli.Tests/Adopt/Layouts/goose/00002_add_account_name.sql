-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE accounts ADD COLUMN name varchar(100);

-- +goose Down
DROP INDEX accounts_email_idx;
ALTER TABLE accounts DROP COLUMN name;
