-- case: DROP INDEX IF EXISTS on a schema-qualified index, still without CONCURRENTLY.
-- expect: RAT002
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
-- up:
drop index if exists public.orders_customer_id_idx;
