-- case: The safe alternative: DROP INDEX CONCURRENTLY IF EXISTS in a transaction-off revision.
-- expect-not: RAT002
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
