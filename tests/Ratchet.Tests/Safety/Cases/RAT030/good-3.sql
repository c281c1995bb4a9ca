-- case: A column named "json" of type text, and one named json_schema_version: no json type.
-- expect-not: RAT030
-- target: postgres@15
-- given:
-- up:
CREATE TABLE import_rows (id bigint PRIMARY KEY, "json" text NOT NULL, json_schema_version integer NOT NULL);
