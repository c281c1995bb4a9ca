-- case: A column with a UNIQUE constraint (its index) changed to text, on a quoted column of a schema-qualified table.
-- expect: RAT016
-- target: postgres@15
-- given:
CREATE TABLE accounts (id bigint PRIMARY KEY, "handle" varchar(30) NOT NULL UNIQUE);
-- up:
ALTER TABLE public.accounts ALTER COLUMN "handle" TYPE text;
