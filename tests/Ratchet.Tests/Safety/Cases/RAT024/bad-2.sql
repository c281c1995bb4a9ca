-- case: RENAME COLUMN takes ACCESS EXCLUSIVE, then a COMMENT and an INSERT follow.
-- expect: RAT024 line 1
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, total bigint NOT NULL);
CREATE TABLE settings (key text PRIMARY KEY, value text);
-- up:
ALTER TABLE public.orders RENAME COLUMN total TO total_cents;
COMMENT ON COLUMN public.orders.total_cents IS 'order total in cents';
INSERT INTO settings (key, value) VALUES ('orders.total_column', 'total_cents');
