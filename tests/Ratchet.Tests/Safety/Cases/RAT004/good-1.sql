-- case: The safe alternative: REINDEX CONCURRENTLY in a transaction-off revision.
-- expect-not: RAT004
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
REINDEX INDEX CONCURRENTLY users_email_idx;
