-- case: SQLite: NOT NULL with a constant default.
-- expect-not: RAT007
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active';
