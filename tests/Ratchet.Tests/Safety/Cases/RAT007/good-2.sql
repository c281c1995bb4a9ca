-- case: NOT NULL with a constant default on PostgreSQL 11+.
-- expect-not: RAT007
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
