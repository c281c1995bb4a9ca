-- Entity Framework Core 8 migrations history table on SQLite (Microsoft.EntityFrameworkCore.Sqlite provider).
-- DDL: dotnet/efcore, test/EFCore.Sqlite.Tests/Migrations/SqliteHistoryRepositoryTest.cs, GetCreateScript_works
--      (SqliteHistoryRepository): the primary key is an inline column constraint, types are TEXT.
--      EF Core 9 additionally creates "__EFMigrationsLock" while migrating on SQLite; 8.0.4 does not.
-- Rows: HistoryRepository.GetInsertScript, one per applied migration (MigrationId, ProductVersion).

CREATE TABLE "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20240101000001_CreateAccounts', '8.0.4');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20240101000002_AddAccountName', '8.0.4');
INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20240101000003_CreateEntries', '8.0.4');
