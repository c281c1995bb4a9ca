-- case: BEGIN inside a plpgsql function body and a BEGIN ATOMIC SQL function body.
-- expect-not: RAT027
-- target: postgres@15
-- given:
-- up:
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$fn$;
CREATE FUNCTION add_cents(a bigint, b bigint) RETURNS bigint LANGUAGE sql IMMUTABLE
BEGIN ATOMIC
    SELECT a + b;
END;
