-- case: CLUSTER rewrites the table under ACCESS EXCLUSIVE.
-- expect: RAT004
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_created_at_idx ON users (created_at);
-- up:
CLUSTER public.users USING users_created_at_idx;
