-- case: DROP INDEX CONCURRENTLY IF EXISTS.
-- expect-not: RAT028
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
