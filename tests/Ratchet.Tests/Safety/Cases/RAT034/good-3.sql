-- case: DROP COLUMN of a plain column is done in place.
-- expect-not: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users DROP COLUMN nickname;
