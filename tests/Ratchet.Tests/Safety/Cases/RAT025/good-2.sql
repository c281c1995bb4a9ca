-- case: UPDATE without WHERE of a table created and filled in the same revision.
-- expect-not: RAT025
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
-- up:
CREATE TABLE user_emails (user_id bigint PRIMARY KEY, email text NOT NULL);
INSERT INTO user_emails (user_id, email) SELECT id, email FROM users;
UPDATE user_emails SET email = lower(email);
