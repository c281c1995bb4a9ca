-- case: On PostgreSQL 11 a validated CHECK (email IS NOT NULL) does not spare the scan: still flagged.
-- expect: RAT008
-- target: postgres@11
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text, created_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
-- up:
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
