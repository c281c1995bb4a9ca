-- case: MySQL: MODIFY an ENUM column removing a value.
-- expect: RAT022
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, status ENUM('pending', 'paid', 'shipped') NOT NULL);
-- up:
ALTER TABLE orders MODIFY COLUMN status ENUM('pending', 'shipped') NOT NULL;
