-- case: The revision itself sets lock_timeout = 0, then ALTERs an existing table.
-- expect: RAT023 line 2
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
SET lock_timeout = 0;
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
