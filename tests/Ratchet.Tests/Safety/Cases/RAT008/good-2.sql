-- case: SET NOT NULL on a table created in the same revision.
-- expect-not: RAT008
-- target: postgres@15
-- given:
-- up:
CREATE TABLE invitations (id bigint PRIMARY KEY, email text);
ALTER TABLE invitations ALTER COLUMN email SET NOT NULL;
