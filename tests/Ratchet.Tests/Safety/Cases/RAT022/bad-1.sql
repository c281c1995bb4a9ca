-- case: ADD VALUE ... BEFORE inserts a value not at the end.
-- expect: RAT022
-- target: postgres@15
-- given:
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'canceled');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
-- up:
ALTER TYPE order_status ADD VALUE 'on_hold' BEFORE 'shipped';
