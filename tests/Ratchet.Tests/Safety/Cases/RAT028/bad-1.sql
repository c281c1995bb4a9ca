-- case: CREATE INDEX CONCURRENTLY without IF NOT EXISTS: a retry after a failure meets the (invalid) index.
-- expect: RAT028
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE INDEX CONCURRENTLY users_email_idx ON users (email);
