-- case: ALGORITHM=COPY copies the table and blocks writes.
-- expect: RAT033
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, created_at DATETIME NOT NULL);
-- up:
ALTER TABLE orders ADD COLUMN note VARCHAR(255), ALGORITHM=COPY;
