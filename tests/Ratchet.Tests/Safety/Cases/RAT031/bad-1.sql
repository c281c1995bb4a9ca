-- case: CREATE DOMAIN with a CHECK constraint.
-- expect: RAT031
-- target: postgres@15
-- given:
-- up:
CREATE DOMAIN email_address AS text CHECK (VALUE ~* '^[^@\s]+@[^@\s]+$');
