-- FluentMigrator (current releases) version table on SQLite, as FluentMigrator creates it.
-- DDL: fluentmigrator/fluentmigrator, src/FluentMigrator.Runner.Core/Versioning/VersionMigration.cs: the version table
--      is built by three internal migrations run in order: VersionMigration (CREATE TABLE with "Version" Int64 NOT NULL),
--      VersionUniqueMigration (unique index UC_Version on Version, then ADD COLUMN AppliedOn DateTime NULL) and
--      VersionDescriptionMigration (ADD COLUMN Description String(1024) NULL); names from DefaultVersionTableMetaData
--      (VersionInfo, Version, UC_Version, AppliedOn, Description; no schema, CreateWithPrimaryKey false).
--      Rendered by src/FluentMigrator.Runner.SQLite/Generators/SQLite/SQLiteGenerator.cs (GenericGenerator templates
--      "CREATE TABLE {0} ({1})", "CREATE {0}{1}INDEX {2} ON {3} ({4})", "ALTER TABLE {0} ADD COLUMN {1}") with
--      SQLiteTypeMap (Int64 -> INTEGER, DateTime -> DATETIME, any String -> TEXT) and SQLiteQuoter (no schema).
-- Rows: as on PostgreSQL: (Version, AppliedOn as 'yyyy-MM-ddTHH:mm:ss' UTC, Description).

CREATE TABLE "VersionInfo" ("Version" INTEGER NOT NULL);
CREATE UNIQUE INDEX "UC_Version" ON "VersionInfo" ("Version" ASC);
ALTER TABLE "VersionInfo" ADD COLUMN "AppliedOn" DATETIME;
ALTER TABLE "VersionInfo" ADD COLUMN "Description" TEXT;

INSERT INTO "VersionInfo" ("Version", "AppliedOn", "Description") VALUES (20240101000001, '2024-01-02T09:00:01', 'CreateAccounts');
INSERT INTO "VersionInfo" ("Version", "AppliedOn", "Description") VALUES (20240101000002, '2024-01-02T09:00:01', 'AddAccountName');
INSERT INTO "VersionInfo" ("Version", "AppliedOn", "Description") VALUES (20240101000003, '2024-01-02T09:00:02', 'CreateEntries');
