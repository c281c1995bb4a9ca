-- case: Ignoring RAT002 does not suppress RAT001 on the next statement.
-- expect: RAT001 line 3
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE TABLE audit_log (id bigint PRIMARY KEY, at timestamptz NOT NULL);
-- ratchet:ignore RAT002 the index is unused and the table is tiny
CREATE INDEX users_email_idx ON users (email);
