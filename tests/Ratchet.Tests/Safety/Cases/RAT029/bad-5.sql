-- case: A composite foreign key (tenant_id, customer_id) where the only index covers tenant_id alone.
-- expect: RAT029 line 1
-- target: postgres@15
-- given:
CREATE TABLE customers (tenant_id bigint NOT NULL, id bigint NOT NULL, PRIMARY KEY (tenant_id, id));
-- up:
CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id)
);
CREATE INDEX invoices_tenant_id_idx ON invoices (tenant_id);
