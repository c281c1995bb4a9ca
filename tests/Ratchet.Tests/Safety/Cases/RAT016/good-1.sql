-- case: The same widening on a column with no index and no CHECK (another column is indexed).
-- expect-not: RAT016
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, username varchar(50) NOT NULL, nickname varchar(50));
CREATE INDEX users_username_idx ON users (username);
-- up:
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(100);
