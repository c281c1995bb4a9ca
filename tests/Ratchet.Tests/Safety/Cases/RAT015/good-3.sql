-- case: numeric(10,2) to numeric(14,2), same scale, more precision: no rewrite.
-- expect-not: RAT015
-- target: postgres@15
-- given:
CREATE TABLE invoices (id bigint PRIMARY KEY, amount numeric(10,2) NOT NULL);
-- up:
ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(14,2);
