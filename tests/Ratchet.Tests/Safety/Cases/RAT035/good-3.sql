-- case: MySQL: a column name of exactly 64 characters.
-- expect-not: RAT035
-- target: mysql@8.0
-- given:
CREATE TABLE invoices (id BIGINT PRIMARY KEY);
-- up:
ALTER TABLE invoices ADD COLUMN customer_subscription_invoice_line_item_tax_adjustment_by_region DECIMAL(12,2) NULL;
