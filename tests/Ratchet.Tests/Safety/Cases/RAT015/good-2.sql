-- case: varchar(120) to text is binary-coercible: no rewrite.
-- expect-not: RAT015
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, bio varchar(120));
-- up:
ALTER TABLE public.users ALTER COLUMN bio TYPE text;
