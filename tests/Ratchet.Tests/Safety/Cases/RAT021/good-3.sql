-- case: MySQL: DROP INDEX is not DROP FOREIGN KEY.
-- expect-not: RAT021
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, INDEX idx_orders_status (status));
-- up:
ALTER TABLE orders DROP INDEX idx_orders_status;
