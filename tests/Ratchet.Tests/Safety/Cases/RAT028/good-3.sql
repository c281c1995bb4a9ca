-- case: Non-idempotent statements in a transactional revision: a failure rolls them all back.
-- expect-not: RAT028
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE TABLE login_events (id bigint PRIMARY KEY, user_id bigint NOT NULL);
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
