-- case: Widening a column that has a CHECK constraint: the constraint is re-verified by a scan.
-- expect: RAT016
-- target: postgres@15
-- given:
CREATE TABLE products (id bigint PRIMARY KEY, sku varchar(32) NOT NULL CONSTRAINT products_sku_format CHECK (sku ~ '^[A-Z0-9-]+$'));
-- up:
ALTER TABLE products ALTER COLUMN sku TYPE varchar(64);
