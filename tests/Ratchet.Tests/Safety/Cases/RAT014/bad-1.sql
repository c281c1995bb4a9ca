-- case: ADD EXCLUDE constraint to an existing table: cannot be NOT VALID, scans under lock.
-- expect: RAT014
-- target: postgres@15
-- given:
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE TABLE room_bookings (id bigint PRIMARY KEY, room_id bigint NOT NULL, during tstzrange NOT NULL);
-- up:
ALTER TABLE room_bookings ADD CONSTRAINT room_bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);
