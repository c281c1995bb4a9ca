-- case: MySQL: DROP without the optional COLUMN keyword.
-- expect: RAT017
-- target: mysql@8.0
-- given:
CREATE TABLE users (id BIGINT PRIMARY KEY, nickname VARCHAR(64));
-- up:
ALTER TABLE users DROP nickname;
