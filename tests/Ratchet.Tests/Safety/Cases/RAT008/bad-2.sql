-- case: SET NOT NULL written without the COLUMN keyword, on a quoted column of a schema-qualified table.
-- expect: RAT008
-- target: postgres@15
-- given:
CREATE TABLE public."Customers" (id bigint PRIMARY KEY, "displayName" text);
-- up:
ALTER TABLE IF EXISTS public."Customers" ALTER "displayName" SET NOT NULL;
