-- case: ADD COLUMN without IF NOT EXISTS in a transaction-off revision.
-- expect: RAT028
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
