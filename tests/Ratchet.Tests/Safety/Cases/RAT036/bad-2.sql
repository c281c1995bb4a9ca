-- case: A truncated CREATE INDEX with no name, table or columns.
-- expect: RAT036
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE INDEX ON;
