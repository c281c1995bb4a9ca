-- case: SQLite: renaming the staging table of a rebuild, created in the same revision, to the old name.
-- expect-not: RAT020
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
-- up:
PRAGMA foreign_keys = OFF;
CREATE TABLE new_users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
INSERT INTO new_users (id, email) SELECT id, email FROM users;
DROP TABLE users;
ALTER TABLE new_users RENAME TO users;
PRAGMA foreign_key_check;
