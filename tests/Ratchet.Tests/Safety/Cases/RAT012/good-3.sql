-- case: UNIQUE constraint and unique index on a table created in the same revision.
-- expect-not: RAT012
-- target: postgres@15
-- given:
-- up:
CREATE TABLE coupons (id bigint PRIMARY KEY, code text NOT NULL, campaign text NOT NULL);
ALTER TABLE coupons ADD CONSTRAINT coupons_code_key UNIQUE (code);
CREATE UNIQUE INDEX coupons_campaign_code_key ON coupons (campaign, lower(code));
