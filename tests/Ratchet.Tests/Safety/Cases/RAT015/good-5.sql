-- case: integer to bigint on a table created in the same revision.
-- expect-not: RAT015
-- target: postgres@15
-- given:
-- up:
CREATE TABLE counters (name text PRIMARY KEY, value integer NOT NULL DEFAULT 0);
ALTER TABLE counters ALTER COLUMN value TYPE bigint;
