-- case: CREATE UNIQUE INDEX CONCURRENTLY on an expression, PostgreSQL 14.2.
-- expect: RAT032
-- target: postgres@14.2
-- transaction: off
-- given:
CREATE TABLE accounts (id bigint PRIMARY KEY, "handle" text NOT NULL);
-- up:
create unique index concurrently if not exists accounts_handle_lower_key on public.accounts (lower("handle"));
