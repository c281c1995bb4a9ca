-- case: MySQL: appending a value at the end of an ENUM column.
-- expect-not: RAT022
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, status ENUM('pending', 'paid', 'shipped') NOT NULL);
-- up:
ALTER TABLE orders MODIFY COLUMN status ENUM('pending', 'paid', 'shipped', 'refunded') NOT NULL;
