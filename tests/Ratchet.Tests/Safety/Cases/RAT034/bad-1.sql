-- case: SQLite cannot ADD CONSTRAINT in place.
-- expect: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);
