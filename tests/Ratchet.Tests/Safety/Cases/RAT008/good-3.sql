-- case: The first step of the safe procedure: CHECK (email IS NOT NULL) NOT VALID.
-- expect-not: RAT008
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
