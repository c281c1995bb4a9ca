-- case: CREATE INDEX ... ALGORITHM=INPLACE LOCK=SHARED blocks writes.
-- expect: RAT033
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, created_at DATETIME NOT NULL);
-- up:
CREATE INDEX idx_orders_created_at ON orders (created_at) ALGORITHM=INPLACE LOCK=SHARED;
