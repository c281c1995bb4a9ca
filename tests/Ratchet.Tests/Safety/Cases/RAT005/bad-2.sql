-- case: ADD COLUMN IF NOT EXISTS with the volatile default clock_timestamp() on a schema-qualified table.
-- expect: RAT005
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE public.users ADD COLUMN IF NOT EXISTS "seenAt" timestamptz DEFAULT clock_timestamp();
