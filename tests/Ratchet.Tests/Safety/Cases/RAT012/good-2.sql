-- case: The safe alternative, step two: ADD CONSTRAINT ... UNIQUE USING INDEX an index built earlier.
-- expect-not: RAT012
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE UNIQUE INDEX users_email_uidx ON users (email);
-- up:
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uidx;
