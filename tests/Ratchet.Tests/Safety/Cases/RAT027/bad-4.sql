-- case: SQLite: BEGIN TRANSACTION ... COMMIT.
-- expect: RAT027 line 1
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
BEGIN TRANSACTION;
ALTER TABLE users ADD COLUMN last_login_at TEXT;
COMMIT;
