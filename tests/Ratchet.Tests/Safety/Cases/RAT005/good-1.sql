-- case: A constant default on PostgreSQL 11+ is stored in the catalogue: no rewrite.
-- expect-not: RAT005
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
