-- case: A staging table created and dropped in the same revision held no earlier data.
-- expect-not: RAT018
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- up:
CREATE TABLE users_import (id bigint PRIMARY KEY, email text NOT NULL);
INSERT INTO users (id, email) SELECT id, email FROM users_import ON CONFLICT (id) DO NOTHING;
DROP TABLE users_import;
