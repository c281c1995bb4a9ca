-- case: An unnamed ADD CHECK on ONLY a schema-qualified table, lower case.
-- expect: RAT009
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, quantity integer NOT NULL, status text NOT NULL);
-- up:
alter table only public.orders add check (status in ('pending', 'paid', 'shipped'));
