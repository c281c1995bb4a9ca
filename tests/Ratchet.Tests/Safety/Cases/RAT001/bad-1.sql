-- case: CREATE INDEX on an existing table without CONCURRENTLY blocks writes for the whole build.
-- expect: RAT001
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE INDEX users_email_idx ON users (email);
