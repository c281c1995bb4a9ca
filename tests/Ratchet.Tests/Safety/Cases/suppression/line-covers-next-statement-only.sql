-- case: A line ignore covers only the statement after it: the later index is still flagged.
-- expect: RAT001 line 4
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE TABLE audit_log (id bigint PRIMARY KEY, at timestamptz NOT NULL);
-- ratchet:ignore RAT001 users is tiny; see ticket DB-77
CREATE INDEX users_email_idx ON users (email);
CREATE INDEX users_created_at_idx ON users (created_at);
