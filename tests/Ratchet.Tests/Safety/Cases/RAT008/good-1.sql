-- case: PostgreSQL 12+: a validated CHECK (email IS NOT NULL) from an earlier revision makes SET NOT NULL skip the scan.
-- expect-not: RAT008
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text, created_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
-- up:
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_email_not_null;
