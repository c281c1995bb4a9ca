-- case: text to varchar(255) must check every value: rewrite (SET DATA TYPE spelling).
-- expect: RAT015
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, display_name text);
-- up:
ALTER TABLE public.users ALTER COLUMN display_name SET DATA TYPE varchar(255);
