-- case: The safe alternative, step one: CREATE UNIQUE INDEX CONCURRENTLY in a transaction-off revision.
-- expect-not: RAT012
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_uidx ON users (email);
