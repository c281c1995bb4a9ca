-- case: CREATE INDEX CONCURRENTLY on PostgreSQL 14.2 can silently corrupt the index.
-- expect: RAT032
-- target: postgres@14.2
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
