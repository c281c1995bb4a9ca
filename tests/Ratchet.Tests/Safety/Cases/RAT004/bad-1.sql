-- case: REINDEX TABLE without CONCURRENTLY takes ACCESS EXCLUSIVE on the index being rebuilt and blocks writes.
-- expect: RAT004
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
REINDEX TABLE users;
