-- case: timestamp to timestamptz rewrites before PostgreSQL 12.
-- expect: RAT015
-- target: postgres@11
-- given:
CREATE TABLE events (id bigint PRIMARY KEY, happened_at timestamp NOT NULL);
-- up:
ALTER TABLE events ALTER COLUMN happened_at TYPE timestamptz USING happened_at AT TIME ZONE 'UTC';
