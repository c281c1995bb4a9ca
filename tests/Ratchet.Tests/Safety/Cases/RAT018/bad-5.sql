-- case: One DROP TABLE naming two schema-qualified tables.
-- expect: RAT018
-- target: postgres@15
-- given:
CREATE TABLE audit_2019 (id bigint PRIMARY KEY, body text);
CREATE TABLE audit_2020 (id bigint PRIMARY KEY, body text);
-- up:
drop table public.audit_2019, public.audit_2020 restrict;
