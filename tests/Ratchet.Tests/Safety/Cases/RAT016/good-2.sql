-- case: SET DEFAULT on an indexed column is not a type change.
-- expect-not: RAT016
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, username varchar(50) NOT NULL);
CREATE INDEX users_username_idx ON users (username);
-- up:
ALTER TABLE users ALTER COLUMN username SET DEFAULT 'anonymous';
