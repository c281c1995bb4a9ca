-- case: jsonb in CREATE TABLE.
-- expect-not: RAT030
-- target: postgres@15
-- given:
-- up:
CREATE TABLE webhooks (id bigint PRIMARY KEY, url text NOT NULL, payload jsonb NOT NULL DEFAULT '{}'::jsonb);
