-- case: MySQL: adding an AUTO_INCREMENT column to an existing table copies it.
-- expect: RAT006
-- target: mysql@8.0
-- given:
CREATE TABLE order_lines (order_id BIGINT NOT NULL, sku VARCHAR(64) NOT NULL, PRIMARY KEY (order_id, sku));
-- up:
ALTER TABLE order_lines ADD COLUMN line_no INT NOT NULL AUTO_INCREMENT UNIQUE;
