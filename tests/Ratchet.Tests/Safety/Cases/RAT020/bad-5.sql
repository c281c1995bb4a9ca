-- case: ALTER TABLE IF EXISTS on a quoted schema-qualified table, renamed to a lower-case name.
-- expect: RAT020
-- target: postgres@15
-- given:
CREATE TABLE public."Orders" (id bigint PRIMARY KEY);
-- up:
alter table if exists public."Orders" rename to orders;
