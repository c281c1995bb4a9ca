-- case: DROP COLUMN IF EXISTS ... CASCADE on a quoted column of a schema-qualified table.
-- expect: RAT017
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, "legacyCode" text);
-- up:
ALTER TABLE IF EXISTS public.orders DROP COLUMN IF EXISTS "legacyCode" CASCADE;
