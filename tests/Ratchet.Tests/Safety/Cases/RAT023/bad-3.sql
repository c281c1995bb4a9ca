-- case: SET LOCAL lock_timeout TO 0, then an ACCESS EXCLUSIVE SET DEFAULT on an existing table.
-- expect: RAT023 line 2
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);
-- up:
set local lock_timeout to 0;
ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'pending';
