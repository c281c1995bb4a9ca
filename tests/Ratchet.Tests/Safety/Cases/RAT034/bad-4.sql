-- case: A hand-written table rebuild without PRAGMA foreign_keys = OFF before it or PRAGMA foreign_key_check after it.
-- expect: RAT034
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id));
CREATE INDEX orders_user_id_idx ON orders (user_id);
-- up:
CREATE TABLE new_users (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
INSERT INTO new_users (id, email) SELECT id, email FROM users;
DROP TABLE users;
ALTER TABLE new_users RENAME TO users;
