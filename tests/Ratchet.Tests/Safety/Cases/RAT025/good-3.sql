-- case: SQLite: DELETE with a WHERE on a key range.
-- expect-not: RAT025
-- target: sqlite@3.40
-- given:
CREATE TABLE sessions (id INTEGER PRIMARY KEY, expires_at TEXT NOT NULL);
-- up:
DELETE FROM sessions WHERE id <= 5000;
