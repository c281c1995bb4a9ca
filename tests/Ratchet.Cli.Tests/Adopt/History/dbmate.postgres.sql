-- dbmate (v2) migrations table on PostgreSQL, as the postgres driver creates it.
-- DDL: amacneil/dbmate, pkg/driver/postgres/postgres.go, CreateMigrationsTable():
--      fmt.Sprintf("create table if not exists %s.%s (version varchar primary key)", schema, table)
--      where schema/table are quoted by the server (select quote_ident(...)), so plain names stay unquoted, and the
--      schema is the URL's search_path, else current_schema() (public). Older dbmate releases wrote varchar(255).
-- Rows: InsertMigration() inserts one row per applied migration; version is the file name's leading digits.
--   dbmate records nothing else (no timestamps, no checksums).

create table if not exists public.schema_migrations (version varchar primary key);

insert into public.schema_migrations (version) values ('20240101000001');
insert into public.schema_migrations (version) values ('20240101000002');
insert into public.schema_migrations (version) values ('20240101000003');
