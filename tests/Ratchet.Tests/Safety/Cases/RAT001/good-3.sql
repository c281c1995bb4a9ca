-- case: RAT001 is a PostgreSQL rule: CREATE INDEX on an existing SQLite table is not flagged.
-- expect-not: RAT001
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
CREATE INDEX users_email_idx ON users (email);
