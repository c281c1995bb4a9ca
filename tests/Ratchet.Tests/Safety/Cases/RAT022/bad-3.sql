-- case: ADD VALUE (at the end) inside a transactional revision on PostgreSQL 11 fails.
-- expect: RAT022
-- target: postgres@11
-- given:
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'canceled');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
-- up:
ALTER TYPE order_status ADD VALUE 'refunded';
