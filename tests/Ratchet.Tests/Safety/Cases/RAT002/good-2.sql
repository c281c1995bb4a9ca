-- case: Schema-qualified DROP INDEX CONCURRENTLY in a transaction-off revision.
-- expect-not: RAT002
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
-- up:
DROP INDEX CONCURRENTLY IF EXISTS public.orders_customer_id_idx;
