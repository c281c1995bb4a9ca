-- Your SQL goes here
CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE accounts ADD COLUMN name varchar(100);
