-- case: A reasoned ignore on the line before the statement suppresses its RAT001 finding.
-- expect-not: RAT001
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE TABLE audit_log (id bigint PRIMARY KEY, at timestamptz NOT NULL);
CREATE INDEX audit_log_at_idx ON audit_log (at);
-- ratchet:ignore RAT001 users has 40 rows in every environment; the build takes milliseconds
CREATE INDEX users_email_idx ON users (email);
