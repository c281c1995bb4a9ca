-- case: ADD CONSTRAINT ... UNIQUE on an existing table builds the index under lock and fails on duplicates.
-- expect: RAT012
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
ALTER TABLE public.users ADD CONSTRAINT users_email_key UNIQUE (email);
