-- case: DROP NOT NULL breaks readers that assume a value.
-- expect: RAT021
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ALTER COLUMN email DROP NOT NULL;
