-- case: A table name and a column name of exactly 63 bytes.
-- expect-not: RAT035
-- target: postgres@15
-- given:
-- up:
CREATE TABLE customer_subscription_invoice_line_item_tax_adjustment_by_regio (id bigint PRIMARY KEY, warehouse_inventory_reservation_expiry_notification_sent_at_utc timestamptz);
