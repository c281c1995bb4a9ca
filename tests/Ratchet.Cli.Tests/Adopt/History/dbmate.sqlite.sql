-- dbmate (v2) migrations table on SQLite, as the sqlite driver creates it.
-- DDL: amacneil/dbmate, pkg/driver/sqlite/sqlite.go, CreateMigrationsTable():
--      fmt.Sprintf("create table if not exists %s (version varchar(128) primary key)", quotedMigrationsTableName())
--      with the table name quoted by pq.QuoteIdentifier (double quotes).
-- Rows: InsertMigration() inserts one row per applied migration; version is the file name's leading digits.

create table if not exists "schema_migrations" (version varchar(128) primary key);

insert into "schema_migrations" (version) values ('20240101000001');
insert into "schema_migrations" (version) values ('20240101000002');
insert into "schema_migrations" (version) values ('20240101000003');
