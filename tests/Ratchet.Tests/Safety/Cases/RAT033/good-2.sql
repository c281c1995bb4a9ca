-- case: ALGORITHM=INPLACE, LOCK=NONE.
-- expect-not: RAT033
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, created_at DATETIME NOT NULL);
-- up:
ALTER TABLE orders ADD INDEX idx_orders_status (status), ALGORITHM=INPLACE, LOCK=NONE;
