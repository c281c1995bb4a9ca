-- case: ADD EXCLUDE by ALTER on a table created in the same revision.
-- expect-not: RAT014
-- target: postgres@15
-- given:
CREATE EXTENSION IF NOT EXISTS btree_gist;
-- up:
CREATE TABLE parking_bookings (id bigint PRIMARY KEY, spot_id bigint NOT NULL, during tstzrange NOT NULL);
ALTER TABLE parking_bookings ADD CONSTRAINT parking_bookings_no_overlap EXCLUDE USING gist (spot_id WITH =, during WITH &&);
