-- case: A statement before is fine; DROP COLUMN in the middle holds ACCESS EXCLUSIVE over the statement after it.
-- expect: RAT024 line 2
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, legacy_code text);
-- up:
CREATE TABLE order_notes (id bigint PRIMARY KEY, order_id bigint NOT NULL, body text NOT NULL);
ALTER TABLE orders DROP COLUMN legacy_code;
CREATE INDEX order_notes_order_id_idx ON order_notes (order_id);
