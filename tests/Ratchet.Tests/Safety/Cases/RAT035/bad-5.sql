-- case: MySQL: a 65-character column name (the limit is 64).
-- expect: RAT035
-- target: mysql@8.0
-- given:
CREATE TABLE invoices (id BIGINT PRIMARY KEY);
-- up:
ALTER TABLE invoices ADD COLUMN customer_subscription_invoice_line_item_tax_adjustments_by_region DECIMAL(12,2) NULL;
