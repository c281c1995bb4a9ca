-- case: Lower-case, IF NOT EXISTS, schema-qualified quoted table and an inline comment: still a plain index build on an existing table.
-- expect: RAT001
-- target: postgres@15
-- given:
CREATE TABLE public."Orders" (id bigserial PRIMARY KEY, "CustomerId" bigint NOT NULL, created_at timestamptz NOT NULL);
-- up:
create index if not exists "Orders_CustomerId_idx" on public."Orders" /* hot lookup path */ ("CustomerId", created_at desc);
