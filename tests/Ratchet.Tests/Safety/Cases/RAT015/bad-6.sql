-- case: MySQL: MODIFY INT to BIGINT copies the table.
-- expect: RAT015
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, quantity INT NOT NULL);
-- up:
ALTER TABLE orders MODIFY COLUMN quantity BIGINT NOT NULL;
