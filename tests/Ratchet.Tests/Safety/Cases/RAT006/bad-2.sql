-- case: Adding a bigserial column to an existing table fills every row: rewrite.
-- expect: RAT006
-- target: postgres@15
-- given:
CREATE TABLE order_lines (id bigint PRIMARY KEY, quantity integer NOT NULL, unit_price_cents bigint NOT NULL);
-- up:
ALTER TABLE public.order_lines ADD COLUMN legacy_seq bigserial;
