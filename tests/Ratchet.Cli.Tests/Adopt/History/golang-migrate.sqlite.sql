-- golang-migrate (v4) version table on SQLite, as the sqlite3 driver creates it.
-- DDL: golang-migrate/migrate, database/sqlite3/sqlite3.go, ensureVersionTable() (unquoted names, no primary key,
--      a separate unique index; the column types are written exactly as the driver writes them):
--      CREATE TABLE IF NOT EXISTS %s (version uint64,dirty bool);
--      CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON %s (version);
-- Rows: SetVersion() DELETEs all rows and inserts (version, dirty); mattn/go-sqlite3 stores the Go bool as 0/1.

CREATE TABLE IF NOT EXISTS schema_migrations (version uint64,dirty bool);
CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON schema_migrations (version);

INSERT INTO schema_migrations (version, dirty) VALUES (3, 0);
