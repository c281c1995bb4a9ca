-- case: SQLite: ADD COLUMN NOT NULL without a default on an existing table.
-- expect: RAT007
-- target: sqlite@3.40
-- given:
CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, nickname TEXT);
-- up:
ALTER TABLE users ADD COLUMN tenant_id INTEGER NOT NULL;
