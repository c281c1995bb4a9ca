-- case: SQLite: DROP COLUMN.
-- expect: RAT017
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users DROP COLUMN nickname;
