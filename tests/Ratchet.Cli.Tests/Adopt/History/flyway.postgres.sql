-- Flyway (10 and later; the source read is Flyway 10) schema history table on PostgreSQL, as Flyway itself creates it.
-- DDL: flyway/flyway, flyway-database/flyway-database-postgresql/src/main/java/org/flywaydb/database/postgresql/
--      PostgreSQLDatabase.java, getRawCreateScript(): CREATE TABLE, then ALTER TABLE ... ADD CONSTRAINT "<table>_pk",
--      then CREATE INDEX "<table>_s_idx". The table name is qualified with the default schema and every identifier is
--      quoted (PostgreSQLDatabase.doQuote).
-- Rows: what Flyway records after `flyway migrate` on Layouts/flyway (JdbcTableSchemaHistory.doAddAppliedMigration):
--   installed_rank counts from 1 in the order applied (versioned first, then repeatables, DbMigrate); version is the
--   file's version with "_" read as "." (NULL for a repeatable); description is the part after "__" with "_" read as a
--   space; type SQL; script the path relative to the location; checksum = ChecksumCalculator.calculate (CRC-32 over the
--   file's lines in UTF-8, line breaks excluded, BOM stripped, as a signed 32-bit int); installed_by = SELECT current_user;
--   installed_on is left to the DEFAULT by Flyway (written out here so the fixture is deterministic); execution_time in ms.
--   Undo files (U*) are not recorded by migrate. No "<< Flyway Schema Creation >>" row: that is only written when Flyway
--   itself creates the schema, and public already exists.

CREATE TABLE "public"."flyway_schema_history" (
    "installed_rank" INT NOT NULL,
    "version" VARCHAR(50),
    "description" VARCHAR(200) NOT NULL,
    "type" VARCHAR(20) NOT NULL,
    "script" VARCHAR(1000) NOT NULL,
    "checksum" INTEGER,
    "installed_by" VARCHAR(100) NOT NULL,
    "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
    "execution_time" INTEGER NOT NULL,
    "success" BOOLEAN NOT NULL
);
ALTER TABLE "public"."flyway_schema_history" ADD CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank");
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");

INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success")
VALUES (1, '1', 'create accounts', 'SQL', 'V1__create_accounts.sql', 2042867035, 'postgres', '2024-01-02 09:00:01.218934', 14, true);
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success")
VALUES (2, '1.1', 'add account name', 'SQL', 'V1_1__add_account_name.sql', 763690875, 'postgres', '2024-01-02 09:00:01.301507', 9, true);
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success")
VALUES (3, '2', 'create entries', 'SQL', 'V2__create_entries.sql', 817678919, 'postgres', '2024-01-02 09:00:01.377112', 11, true);
INSERT INTO "public"."flyway_schema_history" ("installed_rank", "version", "description", "type", "script", "checksum", "installed_by", "installed_on", "execution_time", "success")
VALUES (4, NULL, 'account emails', 'SQL', 'R__account_emails.sql', 1670329236, 'postgres', '2024-01-02 09:00:01.440268', 6, true);
