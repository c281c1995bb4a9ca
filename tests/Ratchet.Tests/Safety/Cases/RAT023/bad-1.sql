-- case: The runner's lock timeout is off and the revision sets none before an ALTER of an existing table.
-- expect: RAT023
-- target: postgres@15
-- lock-timeout: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
