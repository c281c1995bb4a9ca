-- case: ADD COLUMN is done in place.
-- expect-not: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users ADD COLUMN last_login_at TEXT;
