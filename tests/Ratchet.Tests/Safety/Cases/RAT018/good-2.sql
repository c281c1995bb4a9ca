-- case: SQLite: DROP INDEX and DROP TRIGGER lose no data.
-- expect-not: RAT018
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
CREATE INDEX users_email_idx ON users (email);
CREATE TRIGGER users_no_delete BEFORE DELETE ON users BEGIN SELECT RAISE(ABORT, 'no deletes'); END;
-- up:
DROP INDEX IF EXISTS users_email_idx;
DROP TRIGGER IF EXISTS users_no_delete;
