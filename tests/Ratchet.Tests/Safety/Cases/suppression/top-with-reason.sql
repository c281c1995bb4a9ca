-- case: A reasoned ignore at the top of the up section suppresses RAT001 for the whole revision.
-- expect-not: RAT001
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
-- ratchet:ignore RAT001 maintenance window OPS-1182: writes are stopped during this deploy

CREATE INDEX users_email_idx ON users (email);
CREATE INDEX users_created_at_idx ON users (created_at);
