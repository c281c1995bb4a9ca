-- case: ALTERs of a table created in the same revision, followed by more statements.
-- expect-not: RAT024
-- target: postgres@15
-- given:
-- up:
CREATE TABLE carts (id bigint PRIMARY KEY, user_id bigint NOT NULL);
ALTER TABLE carts ADD COLUMN updated_at timestamptz;
CREATE INDEX carts_user_id_idx ON carts (user_id);
