-- case: ADD COLUMN with a volatile default gen_random_uuid() rewrites the table even on PostgreSQL 11+.
-- expect: RAT005
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
