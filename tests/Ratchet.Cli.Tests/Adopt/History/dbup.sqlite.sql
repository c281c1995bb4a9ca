-- DbUp (current dbup-sqlite) journal table on SQLite, as DbUp creates it.
-- DDL: DbUp/dbup-sqlite, src/dbup-sqlite/SqliteTableJournal.cs, CreateSchemaTableSql(), with the table name from
--      SqliteExtensions.SqliteDatabase(): "SchemaVersions", quoted with brackets by SqliteObjectParser ("[", "]"),
--      and the primary key name from dbup-core TableJournal: "PK_" + table + "_Id". Note the id column is
--      SchemaVersionID here (on PostgreSQL it is schemaversionsid).
-- Rows: insert into [SchemaVersions] (ScriptName, Applied) values (@scriptName, @applied), Applied = DateTime.Now
--   (local time), which Microsoft.Data.Sqlite stores as text 'yyyy-MM-dd HH:mm:ss.FFFFFFF'.

CREATE TABLE [SchemaVersions] (
    SchemaVersionID INTEGER CONSTRAINT [PK_SchemaVersions_Id] PRIMARY KEY AUTOINCREMENT NOT NULL,
    ScriptName TEXT NOT NULL,
    Applied DATETIME NOT NULL
);

insert into [SchemaVersions] (ScriptName, Applied) values ('Shop.Migrations.Scripts.20240101000001__create_accounts.sql', '2024-01-02 10:00:01.4183027');
insert into [SchemaVersions] (ScriptName, Applied) values ('Shop.Migrations.Scripts.20240101000002__add_account_name.sql', '2024-01-02 10:00:01.5277154');
insert into [SchemaVersions] (ScriptName, Applied) values ('Shop.Migrations.Scripts.20240101000003__create_entries.sql', '2024-01-02 10:00:01.6309418');
