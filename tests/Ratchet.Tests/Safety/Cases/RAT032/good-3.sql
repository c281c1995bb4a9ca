-- case: PostgreSQL 14.2: DROP INDEX CONCURRENTLY builds no index.
-- expect-not: RAT032
-- target: postgres@14.2
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;
