-- case: A volatile default on a table created in the same revision.
-- expect-not: RAT005
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
CREATE TABLE api_keys (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL);
ALTER TABLE api_keys ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
