-- case: REINDEX ... CONCURRENTLY in a transactional revision fails at run time.
-- expect: RAT003
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE INDEX users_email_idx ON users (email);
-- up:
Reindex Index Concurrently public.users_email_idx;
