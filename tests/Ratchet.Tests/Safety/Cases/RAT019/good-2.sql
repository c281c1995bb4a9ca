-- case: Renaming a constraint is not renaming a column.
-- expect-not: RAT019
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL CONSTRAINT users_email_check CHECK (email LIKE '%@%'));
-- up:
ALTER TABLE users RENAME CONSTRAINT users_email_check TO users_email_format;
