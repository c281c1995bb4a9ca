-- Entity Framework Core 8 migrations history table on PostgreSQL (Npgsql.EntityFrameworkCore.PostgreSQL provider).
-- DDL: npgsql/efcore.pg, test/EFCore.PG.Tests/Migrations/NpgsqlHistoryRepositoryTest.cs, GetCreateScript_works (the
--      provider's NpgsqlHistoryRepository over EF's HistoryRepository.GetCreateScript). Migrator.Migrate() runs
--      GetCreateScript when the table is missing; `dotnet ef migrations script --idempotent` writes the same table with
--      CREATE TABLE IF NOT EXISTS. Identifiers are quoted, so the names keep their PascalCase.
-- Rows: HistoryRepository.GetInsertScript (INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
--   VALUES (...)): MigrationId is the migration's [Migration] id (timestamp_ClassName), ProductVersion the EF Core
--   version that applied it. EF records nothing else.

CREATE TABLE "__EFMigrationsHistory" (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL,
    CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY ("MigrationId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20240101000001_CreateAccounts', '8.0.4');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20240101000002_AddAccountName', '8.0.4');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20240101000003_CreateEntries', '8.0.4');
