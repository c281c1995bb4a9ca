-- case: NOT NULL without a default on a table created in the same revision.
-- expect-not: RAT007
-- target: postgres@15
-- given:
-- up:
CREATE TABLE tenants (id bigint PRIMARY KEY);
ALTER TABLE tenants ADD COLUMN name text NOT NULL;
