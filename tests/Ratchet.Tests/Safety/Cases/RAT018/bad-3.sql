-- case: SQLite: DROP TABLE IF EXISTS.
-- expect: RAT018
-- target: sqlite@3.40
-- given:
CREATE TABLE legacy_sessions (id INTEGER PRIMARY KEY, token TEXT NOT NULL);
-- up:
DROP TABLE IF EXISTS legacy_sessions;
