-- case: CREATE INDEX CONCURRENTLY in a transaction-off revision.
-- expect-not: RAT003
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
