-- case: Widening an indexed varchar(50) to varchar(100): no rewrite, but the index is rebuilt.
-- expect: RAT016
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, username varchar(50) NOT NULL);
CREATE INDEX users_username_idx ON users (username);
-- up:
ALTER TABLE users ALTER COLUMN username TYPE varchar(100);
