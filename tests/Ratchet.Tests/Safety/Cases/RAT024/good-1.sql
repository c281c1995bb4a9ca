-- case: A single ACCESS EXCLUSIVE statement and nothing after it.
-- expect-not: RAT024
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
