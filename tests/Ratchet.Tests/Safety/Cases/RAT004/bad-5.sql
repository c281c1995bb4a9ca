-- case: VACUUM with the FULL option in the parenthesised option list.
-- expect: RAT004
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
VACUUM (FULL, ANALYZE, VERBOSE) public.users;
