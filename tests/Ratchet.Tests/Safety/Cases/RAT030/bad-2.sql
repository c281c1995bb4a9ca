-- case: ADD COLUMN IF NOT EXISTS of an upper-case JSON column on a schema-qualified table.
-- expect: RAT030
-- target: postgres@15
-- given:
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
-- up:
ALTER TABLE public.events ADD COLUMN IF NOT EXISTS "metadata" JSON;
