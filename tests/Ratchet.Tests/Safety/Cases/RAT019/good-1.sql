-- case: Renaming an index is not renaming a column.
-- expect-not: RAT019
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
ALTER INDEX users_email_idx RENAME TO users_email_address_idx;
