-- DbUp (current dbup-postgresql) journal table on PostgreSQL, as DbUp creates it.
-- DDL: DbUp/dbup-postgresql, src/dbup-postgresql/PostgresqlTableJournal.cs, CreateSchemaTableSql(), with the
--      table name from PostgresqlExtensions.PostgresqlDatabase(): "schemaversions" (all lower case, quoted by
--      PostgresqlObjectParser; no schema unless one is passed) and the primary key name from
--      dbup-core TableJournal.GetCreateTableCommand: Quote("PK_" + table + "_Id"). The columns are unquoted, so
--      PostgreSQL folds them to lower case: schemaversionsid, scriptname, applied.
-- Rows: TableJournal.StoreExecutedScript: insert into "schemaversions" (ScriptName, Applied) values (@scriptName,
--   @applied) with Applied = DateTime.Now (the migrating machine's LOCAL time, not UTC) and ScriptName = the
--   script's name, for embedded scripts the manifest resource name (<assembly default namespace>.<folder>.<file>).
--   The id comes from the serial. DbUp records no checksum and no failure rows.

CREATE TABLE "schemaversions"
(
    schemaversionsid serial NOT NULL,
    scriptname character varying(255) NOT NULL,
    applied timestamp without time zone NOT NULL,
    CONSTRAINT "PK_schemaversions_Id" PRIMARY KEY (schemaversionsid)
);

insert into "schemaversions" (ScriptName, Applied) values ('Shop.Migrations.Scripts.20240101000001__create_accounts.sql', '2024-01-02 10:00:01.418302');
insert into "schemaversions" (ScriptName, Applied) values ('Shop.Migrations.Scripts.20240101000002__add_account_name.sql', '2024-01-02 10:00:01.527715');
insert into "schemaversions" (ScriptName, Applied) values ('Shop.Migrations.Scripts.20240101000003__create_entries.sql', '2024-01-02 10:00:01.630941');
