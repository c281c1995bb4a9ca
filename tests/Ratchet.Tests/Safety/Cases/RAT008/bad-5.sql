-- case: MySQL: MODIFY turning a nullable column NOT NULL.
-- expect: RAT008
-- target: mysql@8.0
-- given:
CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NULL);
-- up:
ALTER TABLE users MODIFY COLUMN email VARCHAR(255) NOT NULL;
