-- case: Before PostgreSQL 11 any default on ADD COLUMN, even a constant, rewrites the table.
-- expect: RAT005
-- target: postgres@10
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';
