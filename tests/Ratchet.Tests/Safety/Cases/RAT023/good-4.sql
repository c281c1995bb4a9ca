-- case: The runner's timeout is off, but the revision only alters a table it creates.
-- expect-not: RAT023
-- target: postgres@15
-- lock-timeout: off
-- given:
-- up:
CREATE TABLE feature_flags (name text PRIMARY KEY);
ALTER TABLE feature_flags ADD COLUMN enabled boolean NOT NULL DEFAULT false;
