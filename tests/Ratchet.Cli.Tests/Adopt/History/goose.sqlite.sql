-- goose (v3) version table on SQLite, as goose creates it.
-- DDL: pressly/goose, internal/dialects/sqlite3.go (earlier internal/dialect/dialectquery/sqlite3.go), CreateTable().
-- Rows: version_id 0 inserted with the table, then one row per applied migration (INSERT INTO %s (version_id,
--   is_applied) VALUES (?, ?)); the Go bool true is stored as 1 by the driver; tstamp is the DEFAULT datetime('now'),
--   UTC text without fractional seconds (written out here so the fixture is deterministic).

CREATE TABLE goose_db_version (
		id INTEGER PRIMARY KEY AUTOINCREMENT,
		version_id INTEGER NOT NULL,
		is_applied INTEGER NOT NULL,
		tstamp TIMESTAMP DEFAULT (datetime('now'))
	);

INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (0, 1, '2024-01-02 09:00:00');
INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (1, 1, '2024-01-02 09:00:01');
INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (2, 1, '2024-01-02 09:00:01');
INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (3, 1, '2024-01-02 09:00:01');
