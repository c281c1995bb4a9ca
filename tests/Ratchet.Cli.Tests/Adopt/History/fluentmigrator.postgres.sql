-- FluentMigrator (current releases) version table on PostgreSQL, as FluentMigrator creates it.
-- DDL: fluentmigrator/fluentmigrator, src/FluentMigrator.Runner.Core/Versioning/VersionMigration.cs: the version table
--      is built by three internal migrations run in order: VersionMigration (CREATE TABLE with "Version" Int64 NOT NULL),
--      VersionUniqueMigration (unique index UC_Version on Version, then ADD COLUMN AppliedOn DateTime NULL) and
--      VersionDescriptionMigration (ADD COLUMN Description String(1024) NULL); names from DefaultVersionTableMetaData
--      (VersionInfo, Version, UC_Version, AppliedOn, Description; no schema, CreateWithPrimaryKey false).
--      Rendered by src/FluentMigrator.Runner.Postgres/Generators/Postgres/PostgresGenerator.cs with PostgresTypeMap
--      (Int64 -> bigint, DateTime -> timestamp, String(1024) -> varchar(1024)) and PostgresQuoter (ForceQuote is on by
--      default, and an empty schema is written as "public"); ColumnBase writes nothing for a nullable column.
-- Rows: VersionLoader.UpdateVersionInfo inserts (Version, AppliedOn = DateTime.UtcNow, Description) through the
--   generator: GenericQuoter.FormatDateTime writes 'yyyy-MM-ddTHH:mm:ss'. Description is the [Migration] attribute's
--   description, or the migration class name when the attribute has none (used here).

CREATE TABLE "public"."VersionInfo" ("Version" bigint NOT NULL);
CREATE UNIQUE INDEX "UC_Version" ON "public"."VersionInfo" ("Version" ASC);
ALTER TABLE "public"."VersionInfo" ADD "AppliedOn" timestamp;
ALTER TABLE "public"."VersionInfo" ADD "Description" varchar(1024);

INSERT INTO "public"."VersionInfo" ("Version","AppliedOn","Description") VALUES (20240101000001,'2024-01-02T09:00:01','CreateAccounts');
INSERT INTO "public"."VersionInfo" ("Version","AppliedOn","Description") VALUES (20240101000002,'2024-01-02T09:00:01','AddAccountName');
INSERT INTO "public"."VersionInfo" ("Version","AppliedOn","Description") VALUES (20240101000003,'2024-01-02T09:00:02','CreateEntries');
