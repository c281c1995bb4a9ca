-- case: A 69-byte index name.
-- expect: RAT035
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE order_items (id bigint PRIMARY KEY, customer_id bigint, product_id bigint, created_at timestamptz, warehouse_id bigint, status text);
-- up:
CREATE INDEX CONCURRENTLY IF NOT EXISTS order_items_customer_id_product_id_created_at_warehouse_id_status_idx
    ON order_items (customer_id, product_id, created_at, warehouse_id, status);
