-- case: A quoted multibyte column name of exactly 63 bytes.
-- expect-not: RAT035
-- target: postgres@15
-- given:
CREATE TABLE packages (id bigint PRIMARY KEY);
-- up:
ALTER TABLE packages ADD COLUMN "maßeinheit_für_die_verpackungsgröße_der_bestellten_ware_xyz" text;
