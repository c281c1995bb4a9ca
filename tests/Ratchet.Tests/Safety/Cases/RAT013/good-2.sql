-- case: ADD PRIMARY KEY on a table created in the same revision.
-- expect-not: RAT013
-- target: postgres@15
-- given:
-- up:
CREATE TABLE webhook_deliveries (id bigint NOT NULL, attempt integer NOT NULL, status_code integer);
ALTER TABLE webhook_deliveries ADD PRIMARY KEY (id, attempt);
