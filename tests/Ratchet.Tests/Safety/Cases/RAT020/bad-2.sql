-- case: ALTER SCHEMA ... RENAME TO.
-- expect: RAT020
-- target: postgres@15
-- given:
CREATE SCHEMA billing;
CREATE TABLE billing.invoices (id bigint PRIMARY KEY);
-- up:
ALTER SCHEMA billing RENAME TO finance;
