-- case: VACUUM FULL rewrites the whole table under ACCESS EXCLUSIVE.
-- expect: RAT004
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
VACUUM FULL users;
