-- case: CREATE EXTENSION IF NOT EXISTS, a DO block and INSERT ... SELECT.
-- expect-not: RAT036
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE user_search (user_id bigint PRIMARY KEY, email text NOT NULL);
-- up:
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $do$ BEGIN RAISE NOTICE 'seeding user_search'; END $do$;
INSERT INTO user_search (user_id, email)
SELECT id, lower(email) FROM users WHERE id <= 1000
ON CONFLICT (user_id) DO NOTHING;
