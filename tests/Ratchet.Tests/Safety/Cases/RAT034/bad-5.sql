-- case: DROP COLUMN of a UNIQUE column, which SQLite cannot drop in place.
-- expect: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, legacy_login TEXT UNIQUE);
-- up:
ALTER TABLE users DROP COLUMN legacy_login;
