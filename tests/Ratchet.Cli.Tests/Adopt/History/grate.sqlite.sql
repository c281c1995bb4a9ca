-- grate tables on SQLite, as current grate (the one that bootstraps its own tables from SQL scripts) creates them.
-- DDL: erikbra/grate, src/grate.sqlite/Bootstrapping/Sql/00_Baseline/Up/02_create_scripts_run_table.sql,
--      03_create_scripts_run_errors_table.sql, 04_create_version_table.sql: SQLite has no schemas, so the schema name is
--      a prefix ({{SchemaName}}_{{ScriptsRunTable}} -> grate_ScriptsRun; SqliteSyntax.TableWithSchema), names unquoted
--      (SQLite keeps their case), no named primary key constraint. As on PostgreSQL grate also creates its own
--      grate_GrateScriptsRun / grate_GrateScriptsRunErrors / grate_GrateVersion from the same templates.
-- Rows: one grate run (`grate --connstring=... --sqlfilesdirectory=db`) with the three scripts in db/up (the "up"
--   folder is MigrationType.Once, so one_time_script is true). Before the scripts, VersionTheDatabase() inserts a
--   Version row (version = --version, default "0.0.0.1"; status "In Progress"; entered_by = Environment.UserName;
--   entry/modified dates DateTime.UtcNow) and every ScriptsRun row carries its id; after a successful run the status
--   becomes "Finished" (MigrationStatus.cs). InsertScriptRun() stores script_name = the path relative to the folder,
--   text_of_script = the script after token replacement, text_hash = HashGenerator.Hash(): MD5 of the text with ' doubled
--   and CRLF/CR normalised to LF, Base64. text_of_script here is the up section of Layouts/native/<same name> (what
--   the grate project's up/ script contained).
--   The Grate* tables are grate's bookkeeping of its own bootstrap scripts (GrateMigrator.RunInternalMigrations); their
--   rows (one per internal script, with hashes of grate's embedded SQL) are NOT reproduced here, so they are empty.
--   On SQLite the booleans are bound as 1/0 and DateTime.UtcNow is stored by Microsoft.Data.Sqlite as text.

CREATE TABLE grate_GrateScriptsRun(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id BIGINT NULL,
    script_name nvarchar(255) NULL,
    text_of_script ntext NULL,
    text_hash nvarchar(512) NULL,
    one_time_script bit NULL,
    entry_date datetime NULL,
    modified_date datetime NULL,
    entered_by nvarchar(50) NULL
);
CREATE TABLE grate_GrateScriptsRunErrors(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    repository_path nvarchar(255) NULL,
    version nvarchar(50) NULL,
    script_name nvarchar(255) NULL,
    text_of_script ntext NULL,
    erroneous_part_of_script ntext NULL,
    error_message ntext NULL,
    entry_date datetime NULL,
    modified_date datetime NULL,
    entered_by nvarchar(50) NULL
);
CREATE TABLE grate_GrateVersion(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    repository_path nvarchar(255) NULL,
    version nvarchar(50) NULL,
    entry_date datetime NULL,
    modified_date datetime NULL,
    entered_by nvarchar(50) NULL,
    status nvarchar(50) NULL
);

CREATE TABLE grate_ScriptsRun(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id BIGINT NULL,
    script_name nvarchar(255) NULL,
    text_of_script ntext NULL,
    text_hash nvarchar(512) NULL,
    one_time_script bit NULL,
    entry_date datetime NULL,
    modified_date datetime NULL,
    entered_by nvarchar(50) NULL
);
CREATE TABLE grate_ScriptsRunErrors(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    repository_path nvarchar(255) NULL,
    version nvarchar(50) NULL,
    script_name nvarchar(255) NULL,
    text_of_script ntext NULL,
    erroneous_part_of_script ntext NULL,
    error_message ntext NULL,
    entry_date datetime NULL,
    modified_date datetime NULL,
    entered_by nvarchar(50) NULL
);
CREATE TABLE grate_Version(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    repository_path nvarchar(255) NULL,
    version nvarchar(50) NULL,
    entry_date datetime NULL,
    modified_date datetime NULL,
    entered_by nvarchar(50) NULL,
    status nvarchar(50) NULL
);

INSERT INTO grate_Version (repository_path, version, entry_date, modified_date, entered_by, status)
VALUES (NULL, '0.0.0.1', '2024-01-02 09:00:00.5123456', '2024-01-02 09:00:00.5123456', 'deploy', 'Finished');
INSERT INTO grate_ScriptsRun (version_id, script_name, text_of_script, text_hash, one_time_script, entry_date, modified_date, entered_by)
VALUES (1, '20240101000001__create_accounts.sql', 'CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email varchar(200) NOT NULL
);
', 'U2XgN8beGJ/0hRkR5yCX+g==', 1, '2024-01-02 09:00:00.7340010', '2024-01-02 09:00:00.7340010', 'deploy');
INSERT INTO grate_ScriptsRun (version_id, script_name, text_of_script, text_hash, one_time_script, entry_date, modified_date, entered_by)
VALUES (1, '20240101000002__add_account_name.sql', 'CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE accounts ADD COLUMN name varchar(100);
', 'Hg/X4iKho62tbFRaQxGyxg==', 1, '2024-01-02 09:00:00.8015520', '2024-01-02 09:00:00.8015520', 'deploy');
INSERT INTO grate_ScriptsRun (version_id, script_name, text_of_script, text_hash, one_time_script, entry_date, modified_date, entered_by)
VALUES (1, '20240101000003__create_entries.sql', 'CREATE TABLE entries (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id),
    amount integer NOT NULL
);
', 'sHfKNuyF4Fq8nY8jh1O4+w==', 1, '2024-01-02 09:00:00.8692130', '2024-01-02 09:00:00.8692130', 'deploy');
