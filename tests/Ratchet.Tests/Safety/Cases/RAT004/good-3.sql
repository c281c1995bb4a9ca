-- case: A plain VACUUM (ANALYZE), without FULL, takes no blocking lock.
-- expect-not: RAT004
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
VACUUM (ANALYZE) users;
