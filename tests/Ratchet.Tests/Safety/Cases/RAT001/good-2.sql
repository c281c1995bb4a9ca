-- case: A plain index on a table the same revision creates takes no lock anyone waits for.
-- expect-not: RAT001
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), expires_at timestamptz NOT NULL);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);
