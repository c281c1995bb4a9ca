-- case: The runner's timeout is off, but the revision sets a non-zero lock_timeout first.
-- expect-not: RAT023
-- target: postgres@15
-- lock-timeout: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
SET lock_timeout = '5s';
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
