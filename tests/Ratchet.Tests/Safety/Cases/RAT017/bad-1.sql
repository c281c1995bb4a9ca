-- case: DROP COLUMN loses data and breaks running app versions.
-- expect: RAT017
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, legacy_password_hash text);
-- up:
ALTER TABLE users DROP COLUMN legacy_password_hash;
