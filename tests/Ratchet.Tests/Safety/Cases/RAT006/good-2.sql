-- case: Identity and generated columns in a CREATE TABLE of a new table.
-- expect-not: RAT006
-- target: postgres@15
-- given:
-- up:
CREATE TABLE invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    net_cents bigint NOT NULL,
    tax_cents bigint NOT NULL,
    gross_cents bigint GENERATED ALWAYS AS (net_cents + tax_cents) STORED
);
