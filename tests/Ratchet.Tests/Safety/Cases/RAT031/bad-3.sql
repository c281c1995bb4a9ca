-- case: A lower-case CREATE DOMAIN with a named CHECK constraint and NOT NULL.
-- expect: RAT031
-- target: postgres@15
-- given:
-- up:
create domain us_postal_code as text constraint us_postal_code_format check (value ~ '^[0-9]{5}$') not null;
