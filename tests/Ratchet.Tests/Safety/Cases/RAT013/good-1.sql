-- case: The safe alternative: ADD PRIMARY KEY USING INDEX a unique index built earlier on a NOT NULL column.
-- expect-not: RAT013
-- target: postgres@15
-- given:
CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL, payload jsonb);
CREATE UNIQUE INDEX events_id_uidx ON events (id);
-- up:
ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_id_uidx;
