-- case: UPDATE of one key range (a batch), not the whole table.
-- expect-not: RAT025
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, email_normalized text);
-- up:
UPDATE users SET email_normalized = lower(email) WHERE id BETWEEN 1 AND 10000;
