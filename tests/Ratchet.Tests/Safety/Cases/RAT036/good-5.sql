-- case: Quoted identifiers, an E-string default and nested block comments inside an ordinary ALTER.
-- expect-not: RAT036
-- target: postgres@15
-- given:
CREATE TABLE "public"."Users" (id bigint PRIMARY KEY);
-- up:
ALTER TABLE "public"."Users"
    ADD COLUMN "Nick Name" text DEFAULT E'it\'s me' /* outer /* nested */ still a comment */;
COMMENT ON COLUMN "public"."Users"."Nick Name" IS $c$what the user wants to be called; may contain 'quotes'$c$;
