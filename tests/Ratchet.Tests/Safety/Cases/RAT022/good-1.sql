-- case: ADD VALUE at the end on PostgreSQL 12, in a transaction, is allowed.
-- expect-not: RAT022
-- target: postgres@12
-- given:
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'canceled');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
-- up:
ALTER TYPE order_status ADD VALUE 'refunded';
