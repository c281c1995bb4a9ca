-- case: CREATE INDEX CONCURRENTLY IF NOT EXISTS.
-- expect-not: RAT028
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
