-- case: A domain without a CHECK constraint.
-- expect-not: RAT031
-- target: postgres@15
-- given:
-- up:
CREATE DOMAIN user_id AS bigint;
