-- case: The first statement is idempotent, the second CREATE TABLE is not.
-- expect: RAT028 line 2
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);
CREATE TABLE login_events (id bigint PRIMARY KEY, user_id bigint NOT NULL);
