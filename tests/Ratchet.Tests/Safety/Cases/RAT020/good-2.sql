-- case: Renaming an index and a sequence is not renaming a table.
-- expect-not: RAT020
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
CREATE SEQUENCE invoice_no_seq;
-- up:
ALTER INDEX IF EXISTS users_email_idx RENAME TO users_email_lookup_idx;
ALTER SEQUENCE invoice_no_seq RENAME TO invoice_number_seq;
