-- case: The word concurrently only inside a string literal and a comment of a transactional revision.
-- expect-not: RAT003
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
-- rebuilt concurrently by the DBA on 2024-03-01
COMMENT ON INDEX users_email_idx IS 'built CONCURRENTLY by hand, see ticket OPS-412';
