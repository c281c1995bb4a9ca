-- case: UPDATE of every row of an existing table in the DDL transaction (backfill).
-- expect: RAT025
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, email_normalized text);
-- up:
UPDATE users SET email_normalized = lower(email);
