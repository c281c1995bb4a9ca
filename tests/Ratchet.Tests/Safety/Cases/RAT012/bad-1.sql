-- case: CREATE UNIQUE INDEX on an existing table, non-concurrently, on an expression.
-- expect: RAT012
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
