-- case: Shrinking varchar(100) to varchar(50) rewrites.
-- expect: RAT015
-- target: postgres@15
-- given:
CREATE TABLE products (id bigint PRIMARY KEY, "shortName" varchar(100) NOT NULL);
-- up:
alter table products alter "shortName" type varchar(50);
