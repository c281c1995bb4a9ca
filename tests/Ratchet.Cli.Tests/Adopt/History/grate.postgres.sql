-- grate tables on PostgreSQL, as current grate (the one that bootstraps its own tables from SQL scripts) creates them.
-- DDL: erikbra/grate, src/grate.postgresql/Bootstrapping/Sql/00_Baseline/Up/: 01_create_schema_grate.ENV.
--      GrateInternalBoostrap-....sql (CREATE SCHEMA "{{SchemaName}}"), 02_create_scripts_run_table.sql,
--      03_create_scripts_run_errors_table.sql, 04_create_version_table.sql, with the tokens from GrateConfiguration
--      defaults: SchemaName "grate", ScriptsRunTable "ScriptsRun", ScriptsRunErrorsTable "ScriptsRunErrors",
--      VersionTable "Version" (quoted, so the case is kept; the constraint names are not quoted and fold to lower case).
--      grate creates all three tables up front, before any script runs (GrateMigrator.CreateGrateStructure), and runs
--      the same templates once more with the tokens GrateScriptsRun / GrateScriptsRunErrors / GrateVersion to track its
--      own structure scripts (GrateMigrator.RunInternalMigrations, GetBootstrapInternalGrateConfiguration).
--      Older grate created the tables from C# with unquoted names (grate.scriptsrun, grate.version, ...); the
--      GrateStructure/up/00_0x_fix_*_casing.sql scripts rename those.
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

CREATE SCHEMA "grate";

CREATE TABLE "grate"."GrateScriptsRun"(
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    version_id BIGINT NULL,
    script_name varchar(255) NULL,
    text_of_script text NULL,
    text_hash varchar(512) NULL,
    one_time_script boolean NULL,
    entry_date timestamp NULL,
    modified_date timestamp NULL,
    entered_by varchar(50) NULL,
    CONSTRAINT PK_GrateScriptsRun_id PRIMARY KEY (id)
);
CREATE TABLE "grate"."GrateScriptsRunErrors"(
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    repository_path varchar(255) NULL,
    version varchar(50) NULL,
    script_name varchar(255) NULL,
    text_of_script text NULL,
    erroneous_part_of_script text NULL,
    error_message text NULL,
    entry_date timestamp NULL,
    modified_date timestamp NULL,
    entered_by varchar(50) NULL,
    CONSTRAINT PK_GrateScriptsRunErrors_id PRIMARY KEY (id)
);
CREATE TABLE "grate"."GrateVersion"(
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    repository_path varchar(255) NULL,
    version varchar(50) NULL,
    entry_date timestamp NULL,
    modified_date timestamp NULL,
    entered_by varchar(50) NULL,
    status varchar(50) NULL,
    CONSTRAINT PK_GrateVersion_id PRIMARY KEY (id)
);

CREATE TABLE "grate"."ScriptsRun"(
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    version_id BIGINT NULL,
    script_name varchar(255) NULL,
    text_of_script text NULL,
    text_hash varchar(512) NULL,
    one_time_script boolean NULL,
    entry_date timestamp NULL,
    modified_date timestamp NULL,
    entered_by varchar(50) NULL,
    CONSTRAINT PK_ScriptsRun_id PRIMARY KEY (id)
);
CREATE TABLE "grate"."ScriptsRunErrors"(
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    repository_path varchar(255) NULL,
    version varchar(50) NULL,
    script_name varchar(255) NULL,
    text_of_script text NULL,
    erroneous_part_of_script text NULL,
    error_message text NULL,
    entry_date timestamp NULL,
    modified_date timestamp NULL,
    entered_by varchar(50) NULL,
    CONSTRAINT PK_ScriptsRunErrors_id PRIMARY KEY (id)
);
CREATE TABLE "grate"."Version"(
    id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
    repository_path varchar(255) NULL,
    version varchar(50) NULL,
    entry_date timestamp NULL,
    modified_date timestamp NULL,
    entered_by varchar(50) NULL,
    status varchar(50) NULL,
    CONSTRAINT PK_Version_id PRIMARY KEY (id)
);

INSERT INTO "grate"."Version" (repository_path, version, entry_date, modified_date, entered_by, status)
VALUES (NULL, '0.0.0.1', '2024-01-02 09:00:00.512345', '2024-01-02 09:00:00.512345', 'deploy', 'Finished');
INSERT INTO "grate"."ScriptsRun" (version_id, script_name, text_of_script, text_hash, one_time_script, entry_date, modified_date, entered_by)
VALUES (1, '20240101000001__create_accounts.sql', 'CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email varchar(200) NOT NULL
);
', 'U2XgN8beGJ/0hRkR5yCX+g==', true, '2024-01-02 09:00:00.734001', '2024-01-02 09:00:00.734001', 'deploy');
INSERT INTO "grate"."ScriptsRun" (version_id, script_name, text_of_script, text_hash, one_time_script, entry_date, modified_date, entered_by)
VALUES (1, '20240101000002__add_account_name.sql', 'CREATE INDEX accounts_email_idx ON accounts (email);
ALTER TABLE accounts ADD COLUMN name varchar(100);
', 'Hg/X4iKho62tbFRaQxGyxg==', true, '2024-01-02 09:00:00.801552', '2024-01-02 09:00:00.801552', 'deploy');
INSERT INTO "grate"."ScriptsRun" (version_id, script_name, text_of_script, text_hash, one_time_script, entry_date, modified_date, entered_by)
VALUES (1, '20240101000003__create_entries.sql', 'CREATE TABLE entries (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id),
    amount integer NOT NULL
);
', 'sHfKNuyF4Fq8nY8jh1O4+w==', true, '2024-01-02 09:00:00.869213', '2024-01-02 09:00:00.869213', 'deploy');
