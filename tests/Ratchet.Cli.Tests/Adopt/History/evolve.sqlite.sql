-- Evolve metadata table on SQLite (the layout with the "type" column, Evolve 2.x and 3.x), as Evolve creates it.
-- DDL: lecaillon/Evolve, src/Evolve/Dialect/SQLite/SQLiteMetadataTable.cs, InternalCreate(): table [changelog] in
--      schema main (SQLiteDatabase.GetCurrentSchemaName), bracket-quoted. InternalSave writes type as a quoted
--      string ('0', stored as an integer through the column's INTEGER affinity), installed_by as '' (SQLiteDatabase.
--      CurrentUser) and success as 1/0; installed_on is the DEFAULT strftime('%Y-%m-%d %H:%M:%f','now').
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

CREATE TABLE [changelog] ( id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, type INTEGER, version VARCHAR(50), description VARCHAR(200) NOT NULL, name VARCHAR(300) NOT NULL, checksum VARCHAR(32), installed_by VARCHAR(100) NOT NULL, installed_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')), success BOOLEAN NOT NULL );

INSERT INTO [changelog] (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( '2', '0', 'Empty schema found: main.', 'main', '', '', '2024-01-02 09:00:00.604', 1);
INSERT INTO [changelog] (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( '0', '1', 'create accounts', 'V1__create_accounts.sql', '5365E037C6DE189FF4851911E72097FA', '', '2024-01-02 09:00:00.700', 1);
INSERT INTO [changelog] (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( '0', '1.1', 'add account name', 'V1_1__add_account_name.sql', '1E0FD7E222A1A3ADAD6C545A4311B2C6', '', '2024-01-02 09:00:00.771', 1);
INSERT INTO [changelog] (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( '0', '2', 'create entries', 'V2__create_entries.sql', 'B077CA36EC85E05ABC9D8F238753B8FB', '', '2024-01-02 09:00:00.842', 1);
INSERT INTO [changelog] (type, version, description, name, checksum, installed_by, installed_on, success) VALUES( '4', NULL, 'account emails', 'R__account_emails.sql', 'B2CCC882D86DFE818F10E27320149F93', '', '2024-01-02 09:00:00.913', 1);
