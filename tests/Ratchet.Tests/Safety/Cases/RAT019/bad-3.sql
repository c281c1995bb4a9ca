-- case: RENAME without the optional COLUMN keyword on ONLY a quoted schema-qualified table.
-- expect: RAT019
-- target: postgres@15
-- given:
CREATE TABLE public."Users" (id bigint PRIMARY KEY, "fullName" text);
-- up:
ALTER TABLE ONLY public."Users" RENAME "fullName" TO full_name;
