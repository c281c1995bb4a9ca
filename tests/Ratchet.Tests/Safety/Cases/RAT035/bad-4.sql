-- case: A quoted column name of 60 characters but 64 bytes in UTF-8: the limit is in bytes.
-- expect: RAT035
-- target: postgres@15
-- given:
CREATE TABLE packages (id bigint PRIMARY KEY);
-- up:
ALTER TABLE packages ADD COLUMN "maßeinheit_für_die_verpackungsgröße_der_bestellten_ware_xyzw" text;
