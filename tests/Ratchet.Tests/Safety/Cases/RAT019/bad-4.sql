-- case: MySQL: CHANGE renames the column (and restates its type).
-- expect: RAT019
-- target: mysql@8.0
-- given:
CREATE TABLE users (id BIGINT PRIMARY KEY, nickname VARCHAR(64));
-- up:
ALTER TABLE users CHANGE nickname display_name VARCHAR(64);
