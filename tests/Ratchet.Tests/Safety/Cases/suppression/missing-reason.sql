-- case: An ignore without a reason is itself an error (RAT000).
-- expect: RAT000 line 1
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
-- ratchet:ignore RAT001
CREATE INDEX users_email_idx ON users (email);
