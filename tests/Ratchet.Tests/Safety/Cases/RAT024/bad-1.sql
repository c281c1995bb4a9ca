-- case: ADD COLUMN takes ACCESS EXCLUSIVE on users, then two more statements run while it is held.
-- expect: RAT024 line 1
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
CREATE TABLE login_events (id bigint PRIMARY KEY, user_id bigint NOT NULL, at timestamptz NOT NULL);
CREATE INDEX login_events_user_id_idx ON login_events (user_id);
