-- case: The CHECK (email IS NOT NULL) exists but is still NOT VALID, so it proves nothing.
-- expect: RAT008
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text, created_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
-- up:
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
