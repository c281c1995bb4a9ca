-- case: ADD COLUMN IF NOT EXISTS and CREATE TABLE IF NOT EXISTS in a transaction-off revision.
-- expect-not: RAT028
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN IF NOT EXISTS last_login_at timestamptz;
CREATE TABLE IF NOT EXISTS login_events (id bigint PRIMARY KEY, user_id bigint NOT NULL);
