-- case: SQLite: a trigger with a BEGIN ... END body, a view and an INSERT.
-- expect-not: RAT036
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
CREATE TABLE audit (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, note TEXT);
-- up:
CREATE TRIGGER IF NOT EXISTS users_audit AFTER DELETE ON users
BEGIN
    INSERT INTO audit (user_id, note) VALUES (OLD.id, 'deleted; by trigger');
END;
CREATE VIEW IF NOT EXISTS user_emails AS SELECT id, email FROM users;
INSERT INTO audit (user_id, note) VALUES (0, 'migration 42');
