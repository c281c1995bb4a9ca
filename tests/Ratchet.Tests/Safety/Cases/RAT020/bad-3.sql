-- case: SQLite: ALTER TABLE ... RENAME TO.
-- expect: RAT020
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users RENAME TO accounts;
