-- case: SET search_path, CREATE SEQUENCE, row level security and a policy.
-- expect-not: RAT036
-- target: postgres@15
-- given:
CREATE SCHEMA app;
CREATE TABLE app.invoices (id bigint PRIMARY KEY, tenant_id bigint NOT NULL);
-- up:
SET search_path TO app, public;
CREATE SEQUENCE IF NOT EXISTS invoice_no_seq START WITH 1000 INCREMENT BY 1;
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY invoices_tenant ON invoices USING (tenant_id = current_setting('app.tenant_id')::bigint);
