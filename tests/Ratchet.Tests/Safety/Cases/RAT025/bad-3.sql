-- case: SQLite: UPDATE without WHERE.
-- expect: RAT025
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, status TEXT);
-- up:
UPDATE users SET status = 'active';
