-- case: An index on a table created in this revision is fine, but the BRIN index on the existing users table is flagged.
-- expect: RAT001 line 5
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX users_created_at_brin ON users USING brin (created_at);
