-- case: MySQL: RENAME TABLE.
-- expect: RAT020
-- target: mysql@8.0
-- given:
CREATE TABLE users (id BIGINT PRIMARY KEY);
-- up:
RENAME TABLE users TO accounts;
