-- case: RAT002 is a PostgreSQL rule: DROP INDEX on SQLite is not flagged.
-- expect-not: RAT002
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
CREATE INDEX users_email_idx ON users (email);
-- up:
DROP INDEX IF EXISTS users_email_idx;
