-- Flyway (7 and later, where the DDL moved from createMetaDataTable.sql into Java) schema history table on SQLite, as Flyway itself creates it.
-- DDL: flyway/flyway, flyway-core/src/main/java/org/flywaydb/core/internal/database/sqlite/SQLiteDatabase.java,
--      getRawCreateScript() (same text as the older resource createMetaDataTable.sql): the table is qualified with the
--      SQLite schema "main", the index name is schema-qualified and its table is not (SQLite's CREATE INDEX syntax).
-- Rows: as in flyway.postgres.sql (JdbcTableSchemaHistory.doAddAppliedMigration), except that on SQLite
--   installed_by is '' (SQLiteDatabase.doGetCurrentUser returns ""), booleans are 1/0 (getBooleanTrue/False, and the
--   JDBC driver stores setBoolean as an integer), and installed_on is the DEFAULT strftime('%Y-%m-%d %H:%M:%f','now'),
--   i.e. UTC text with milliseconds (written out here so the fixture is deterministic).
--
-- FAILED variant: V2 (create entries) failed. Flyway writes a success = false row only when the failed migration did
-- not run inside a transaction the database could roll back (DbMigrate.applyMigrations: if supportsDdlTransactions()
-- && executeGroupInTransaction it logs "Changes successfully rolled back." and writes nothing; otherwise it calls
-- addAppliedMigration(..., false)). PostgreSQL and SQLite both support DDL transactions, so this state arises there
-- from a migration run with executeInTransaction=false (script config file V2__create_entries.sql.conf) or inside a
-- group that mixed non-transactional statements. The checksum and execution time are still recorded. The repeatable
-- R__account_emails.sql never ran (Flyway stops at the failure), so it has no row.

CREATE TABLE "main"."flyway_schema_history" (
    "installed_rank" INT NOT NULL PRIMARY KEY,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INT,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),
    "execution_time" INT NOT NULL,
    "success" BOOLEAN NOT NULL
);
CREATE INDEX "main"."flyway_schema_history_s_idx" ON "flyway_schema_history" ("success");

INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success")
VALUES (1, '1', 'create accounts', 'SQL', 'V1__create_accounts.sql', 2042867035, '', '2024-01-02 09:00:01.218', 14, 1);
INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success")
VALUES (2, '1.1', 'add account name', 'SQL', 'V1_1__add_account_name.sql', 763690875, '', '2024-01-02 09:00:01.301', 9, 1);
INSERT INTO "flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success")
VALUES (3, '2', 'create entries', 'SQL', 'V2__create_entries.sql', 817678919, '', '2024-01-02 09:00:01.377', 11, 0);
