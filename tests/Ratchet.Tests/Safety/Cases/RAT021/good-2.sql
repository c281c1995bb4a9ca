-- case: DROP DEFAULT keeps NOT NULL.
-- expect-not: RAT021
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, status text NOT NULL DEFAULT 'active');
-- up:
ALTER TABLE users ALTER COLUMN status DROP DEFAULT;
