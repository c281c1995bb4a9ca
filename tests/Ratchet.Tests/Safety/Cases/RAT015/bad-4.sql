-- case: numeric(10,2) to numeric(12,4) changes the scale: rewrite.
-- expect: RAT015
-- target: postgres@15
-- given:
CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL);
-- up:
ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(12,4);
