-- case: SQLite: ADD COLUMN.
-- expect-not: RAT019
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users ADD COLUMN display_name TEXT;
