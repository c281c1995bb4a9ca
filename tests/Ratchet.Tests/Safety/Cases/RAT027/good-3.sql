-- case: SQLite: BEGIN ... END of a trigger body.
-- expect-not: RAT027
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
CREATE TABLE audit (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, at TEXT NOT NULL);
-- up:
CREATE TRIGGER users_audit AFTER UPDATE ON users
BEGIN
    INSERT INTO audit (user_id, at) VALUES (NEW.id, datetime('now'));
END;
