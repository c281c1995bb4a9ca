-- case: ADD VALUE IF NOT EXISTS at the end on PostgreSQL 15.
-- expect-not: RAT022
-- target: postgres@15
-- given:
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'canceled');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
-- up:
ALTER TYPE public.order_status ADD VALUE IF NOT EXISTS 'refunded';
