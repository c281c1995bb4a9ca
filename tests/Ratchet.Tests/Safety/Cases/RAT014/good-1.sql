-- case: An EXCLUDE constraint in the CREATE TABLE of a new table.
-- expect-not: RAT014
-- target: postgres@15
-- given:
CREATE EXTENSION IF NOT EXISTS btree_gist;
-- up:
CREATE TABLE desk_bookings (
    id bigint PRIMARY KEY,
    desk_id bigint NOT NULL,
    during tstzrange NOT NULL,
    EXCLUDE USING gist (desk_id WITH =, during WITH &&)
);
