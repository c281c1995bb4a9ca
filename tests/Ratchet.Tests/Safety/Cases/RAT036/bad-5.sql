-- case: A readable CREATE TABLE followed by an ADD CONSTRAINT with no constraint.
-- expect: RAT036 line 2
-- target: postgres@15
-- given:
-- up:
CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL);
ALTER TABLE coupons ADD CONSTRAINT;
