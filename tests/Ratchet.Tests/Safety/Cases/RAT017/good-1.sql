-- case: DROP DEFAULT drops no column.
-- expect-not: RAT017
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, nickname text DEFAULT 'anon');
-- up:
ALTER TABLE users ALTER COLUMN nickname DROP DEFAULT;
