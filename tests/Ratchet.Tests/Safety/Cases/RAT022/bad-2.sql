-- case: RENAME VALUE breaks app code that uses the old label.
-- expect: RAT022
-- target: postgres@15
-- given:
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'canceled');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
-- up:
ALTER TYPE public.order_status RENAME VALUE 'canceled' TO 'cancelled';
