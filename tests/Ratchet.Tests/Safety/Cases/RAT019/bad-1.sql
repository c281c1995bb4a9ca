-- case: RENAME COLUMN breaks running app versions.
-- expect: RAT019
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users RENAME COLUMN email TO email_address;
