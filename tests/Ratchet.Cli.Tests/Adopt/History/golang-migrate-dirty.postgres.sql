-- golang-migrate (v4) version table on PostgreSQL, as the postgres driver creates it.
-- DDL: golang-migrate/migrate, database/postgres/postgres.go, ensureVersionTable():
--      `CREATE TABLE IF NOT EXISTS ` + pq.QuoteIdentifier(schema) + `.` + pq.QuoteIdentifier(table) +
--      ` (version bigint not null primary key, dirty boolean not null)`; the schema is SELECT CURRENT_SCHEMA() (public).
-- Rows: SetVersion() TRUNCATEs the table and inserts one row (version, dirty): golang-migrate keeps only the current
--   version. Before running each migration it writes (N, true), after it succeeds (N, false).
-- DIRTY variant: version 3 was started (SetVersion(3, true)) and never finished: migration 3 failed or was
-- interrupted, and `migrate` refuses to run until `migrate force` is used.

CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null);

INSERT INTO "public"."schema_migrations" (version, dirty) VALUES (3, true);
