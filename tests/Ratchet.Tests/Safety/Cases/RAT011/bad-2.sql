-- case: A CHECK added NOT VALID and validated two lines later in the same transactional revision.
-- expect: RAT011 line 3
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, quantity integer NOT NULL, status text NOT NULL);
-- up:
ALTER TABLE public.orders ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0) NOT VALID;
-- all rows were fixed by the backfill job
alter table public.orders validate constraint orders_quantity_positive;
