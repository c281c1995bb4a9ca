-- case: ADD COLUMN of type jsonb.
-- expect-not: RAT030
-- target: postgres@15
-- given:
CREATE TABLE events (id bigint PRIMARY KEY, kind text NOT NULL);
-- up:
ALTER TABLE events ADD COLUMN metadata jsonb;
