-- case: ADD VALUE IF NOT EXISTS ... AFTER a value that is not the last one.
-- expect: RAT022
-- target: postgres@15
-- given:
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'canceled');
CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL);
-- up:
alter type order_status add value if not exists 'packed' after 'paid';
