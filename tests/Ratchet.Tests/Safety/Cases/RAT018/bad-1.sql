-- case: DROP TABLE loses data.
-- expect: RAT018
-- target: postgres@15
-- given:
CREATE TABLE legacy_sessions (id bigint PRIMARY KEY, token text NOT NULL);
-- up:
DROP TABLE legacy_sessions;
