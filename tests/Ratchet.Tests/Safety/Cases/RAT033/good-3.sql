-- case: ALGORITHM=COPY only in a comment; the statement asks for INSTANT.
-- expect-not: RAT033
-- target: mysql@8.0
-- given:
CREATE TABLE orders (id BIGINT PRIMARY KEY, status VARCHAR(16) NOT NULL, created_at DATETIME NOT NULL);
-- up:
-- not ALGORITHM=COPY: that would block writes for the whole copy
ALTER TABLE orders ADD COLUMN shipped_at DATETIME NULL, ALGORITHM=INSTANT;
