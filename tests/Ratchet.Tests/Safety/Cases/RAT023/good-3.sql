-- case: The runner's timeout is off; SET LOCAL lock_timeout TO '2s' before the ALTER.
-- expect-not: RAT023
-- target: postgres@15
-- lock-timeout: off
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL);
-- up:
SET LOCAL lock_timeout TO '2s';
ALTER TABLE public.orders ALTER COLUMN status SET DEFAULT 'pending';
