-- case: A volatile default inside an expression: random() wrapped in floor() and a cast.
-- expect: RAT005
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE users ADD sample_bucket integer DEFAULT floor(random() * 100)::integer;
