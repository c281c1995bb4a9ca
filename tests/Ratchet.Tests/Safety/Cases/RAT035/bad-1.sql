-- case: A 64-byte table name: PostgreSQL truncates it to 63.
-- expect: RAT035
-- target: postgres@15
-- given:
-- up:
CREATE TABLE customer_subscription_invoice_line_item_tax_adjustment_by_region (id bigint PRIMARY KEY, amount_cents bigint NOT NULL);
