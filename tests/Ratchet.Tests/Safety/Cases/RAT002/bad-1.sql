-- case: DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table.
-- expect: RAT002
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
DROP INDEX users_email_idx;
