-- case: A json column in CREATE TABLE.
-- expect: RAT030
-- target: postgres@15
-- given:
-- up:
CREATE TABLE webhooks (id bigint PRIMARY KEY, url text NOT NULL, payload json NOT NULL);
