-- Evolve metadata table on PostgreSQL (the layout with the "type" column, Evolve 2.x and 3.x), as Evolve creates it.
-- DDL: lecaillon/Evolve, src/Evolve/Dialect/PostgreSQL/PostgreSQLMetadataTable.cs, InternalCreate(): default table
--      name "changelog" (Evolve.MetadataTableName), in the first managed schema (here public), quoted.
--      installed_by is written as the SQL function current_user (PostgreSQLDatabase.CurrentUser), success as true/false.
-- Rows: what Evolve records after migrating Layouts/flyway (Evolve uses Flyway's V<version>__<description>.sql and
--   R__<description>.sql names and ignores the U* undo files). Written as Evolve's own INSERT (InternalSave), plus
--   installed_on, which Evolve leaves to the DEFAULT (written out here so the fixture is deterministic); id is the serial:
--   * ManageSchemas() runs first: the target schema exists and is empty, so Evolve saves an EmptySchema marker
--     (type 2, version '0', description 'Empty schema found: <schema>.', name '<schema>', checksum '') as row 1;
--   * then the versioned migrations, type 0 (MetadataType.Migration), version = the file's version with "_" as ".",
--     description = the part after "__" with "_" as a space, name = the file name, checksum = MigrationScript.
--     CalculateChecksum(): MD5 of the UTF-8 text with CRLF normalised to LF, upper-case hex without dashes;
--   * then the repeatable R__account_emails.sql, type 4 (RepeatableMigration), version NULL.
--   MetadataType codes (src/Evolve/Metadata/MetadataType.cs): Migration 0, NewSchema 1, EmptySchema 2, StartVersion 3,
--   RepeatableMigration 4.

CREATE TABLE "public"."changelog" ( id SERIAL PRIMARY KEY NOT NULL, type SMALLINT, version VARCHAR(50), description VARCHAR(200) NOT NULL, name VARCHAR(300) NOT NULL, checksum VARCHAR(32), installed_by VARCHAR(100) NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT now(), success BOOLEAN NOT NULL );

INSERT INTO "public"."changelog" (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( 2, '0', 'Empty schema found: public.', 'public', '', current_user, '2024-01-02 09:00:00.604118', true);
INSERT INTO "public"."changelog" (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( 0, '1', 'create accounts', 'V1__create_accounts.sql', '5365E037C6DE189FF4851911E72097FA', current_user, '2024-01-02 09:00:00.700254', true);
INSERT INTO "public"."changelog" (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( 0, '1.1', 'add account name', 'V1_1__add_account_name.sql', '1E0FD7E222A1A3ADAD6C545A4311B2C6', current_user, '2024-01-02 09:00:00.771930', true);
INSERT INTO "public"."changelog" (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( 0, '2', 'create entries', 'V2__create_entries.sql', 'B077CA36EC85E05ABC9D8F238753B8FB', current_user, '2024-01-02 09:00:00.842207', true);
INSERT INTO "public"."changelog" (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( 4, NULL, 'account emails', 'R__account_emails.sql', 'B2CCC882D86DFE818F10E27320149F93', current_user, '2024-01-02 09:00:00.913566', true);
