-- case: ADD PRIMARY KEY to an existing table: lock, index build and NOT NULL scan.
-- expect: RAT013
-- target: postgres@15
-- given:
CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL, payload jsonb);
-- up:
ALTER TABLE events ADD PRIMARY KEY (id);
