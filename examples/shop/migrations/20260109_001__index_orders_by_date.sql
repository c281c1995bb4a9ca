-- ratchet:revises 20260108_001
-- ratchet:message Index orders by creation date
-- ratchet:ignore RAT001 the example's orders table holds a handful of rows; a production table takes CREATE INDEX CONCURRENTLY in a `transaction off` revision
-- ratchet:ignore RAT104 the same: building the index reads the few rows of orders under its SHARE lock

-- ratchet:up
CREATE INDEX idx_orders_created_at ON orders (created_at);

-- ratchet:verify
SELECT count(*) = 1 FROM orders WHERE id = 3 AND status = 'delivered';

-- ratchet:down
DROP INDEX idx_orders_created_at;
