-- case: ADD COLUMN then a whole-table backfill in the same revision.
-- expect: RAT025 line 2
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY, first_name text NOT NULL, last_name text NOT NULL);
-- up:
ALTER TABLE customers ADD COLUMN full_name text;
UPDATE customers SET full_name = first_name || ' ' || last_name;
