-- case: SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE.
-- expect: RAT008
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
