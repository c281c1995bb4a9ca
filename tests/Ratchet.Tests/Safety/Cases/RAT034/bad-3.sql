-- case: SQLite cannot ALTER COLUMN (here a type change).
-- expect: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, age TEXT);
-- up:
ALTER TABLE users ALTER COLUMN age TYPE INTEGER;
