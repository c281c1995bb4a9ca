-- case: MySQL: ADD COLUMN NOT NULL without a default breaks writers that do not know the column.
-- expect: RAT007
-- target: mysql@8.0
-- given:
CREATE TABLE users (id BIGINT PRIMARY KEY, email VARCHAR(255) NOT NULL);
-- up:
ALTER TABLE users ADD COLUMN tenant_id BIGINT NOT NULL;
