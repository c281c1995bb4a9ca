-- case: An unnamed partial EXCLUDE constraint on a schema-qualified existing table.
-- expect: RAT014
-- target: postgres@15
-- given:
CREATE TABLE reservations (id bigint PRIMARY KEY, during tsrange NOT NULL, cancelled_at timestamp);
-- up:
alter table public.reservations add exclude using gist (during with &&) where (cancelled_at is null);
