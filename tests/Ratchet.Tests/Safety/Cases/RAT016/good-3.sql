-- case: A type change on an indexed column of a table created in the same revision (nothing to rebuild).
-- expect-not: RAT016
-- target: postgres@15
-- given:
-- up:
CREATE TABLE tags (id bigint PRIMARY KEY, label varchar(30) NOT NULL);
CREATE INDEX tags_label_idx ON tags (label);
ALTER TABLE tags ALTER COLUMN label TYPE varchar(60);
