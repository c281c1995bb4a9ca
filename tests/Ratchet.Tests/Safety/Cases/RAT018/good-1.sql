-- case: DROP VIEW loses no data.
-- expect-not: RAT018
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, active boolean NOT NULL DEFAULT true);
CREATE VIEW active_users AS SELECT id FROM users WHERE active;
-- up:
DROP VIEW IF EXISTS active_users;
