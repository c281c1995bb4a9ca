-- case: LOCK=EXCLUSIVE blocks all access during the ALTER.
-- expect: RAT033
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, created_at DATETIME NOT NULL);
-- up:
ALTER TABLE orders ADD INDEX idx_orders_status (status), LOCK=EXCLUSIVE;
