-- case: SQLite: RENAME COLUMN.
-- expect: RAT019
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users RENAME COLUMN nickname TO display_name;
