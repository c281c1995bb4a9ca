-- case: The second of two ADD COLUMN actions in one ALTER is NOT NULL without a default.
-- expect: RAT007
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, total_cents bigint NOT NULL);
-- up:
ALTER TABLE public.orders
    ADD COLUMN note text,
    ADD COLUMN "currencyCode" char(3) NOT NULL;
