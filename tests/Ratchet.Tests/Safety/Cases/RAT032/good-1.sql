-- case: The same CREATE INDEX CONCURRENTLY on PostgreSQL 14.4, where the bug is fixed.
-- expect-not: RAT032
-- target: postgres@14.4
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
