-- case: PostgreSQL 11: ADD VALUE at the end in a transaction-off revision.
-- expect-not: RAT022
-- target: postgres@11
-- transaction: off
-- given:
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'canceled');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
-- up:
ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded';
