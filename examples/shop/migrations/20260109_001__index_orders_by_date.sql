-- ratchet:revises 20260108_001
-- ratchet:message Index orders by creation date

-- ratchet:up
CREATE INDEX idx_orders_created_at ON orders (created_at);

-- ratchet:verify
SELECT count(*) = 1 FROM orders WHERE id = 3 AND status = 'delivered';

-- ratchet:down
DROP INDEX idx_orders_created_at;
