-- case: TRUNCATE TABLE ONLY of two schema-qualified tables with RESTART IDENTITY CASCADE.
-- expect: RAT026
-- target: postgres@15
-- given:
CREATE TABLE customers (id bigint PRIMARY KEY);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
-- up:
truncate table only public.customers, public.orders restart identity cascade;
