-- case: Widening varchar(50) to varchar(100) is binary-coercible: no rewrite.
-- expect-not: RAT015
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, nickname varchar(50));
-- up:
ALTER TABLE users ALTER COLUMN nickname TYPE varchar(100);
