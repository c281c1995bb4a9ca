-- case: The runner's own lock timeout is on (no header): the same ALTER is not flagged.
-- expect-not: RAT023
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
