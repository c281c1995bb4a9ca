-- case: MySQL: DROP FOREIGN KEY.
-- expect: RAT021
-- target: mysql@8.0
-- given:
CREATE TABLE customers (id BIGINT PRIMARY KEY);
CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,
    CONSTRAINT orders_customer_id_fk FOREIGN KEY (customer_id) REFERENCES customers (id));
-- up:
ALTER TABLE orders DROP FOREIGN KEY orders_customer_id_fk;
