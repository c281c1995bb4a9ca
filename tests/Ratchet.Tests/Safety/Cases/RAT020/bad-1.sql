-- case: RENAME TO on an existing table breaks running app versions.
-- expect: RAT020
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users RENAME TO accounts;
