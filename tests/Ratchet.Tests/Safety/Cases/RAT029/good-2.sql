-- case: The foreign key columns lead the primary key; the other one has its own index.
-- expect-not: RAT029
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz NOT NULL);
CREATE TABLE tags (id bigint PRIMARY KEY, name text NOT NULL);
-- up:
CREATE TABLE order_tags (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    tag_id bigint NOT NULL REFERENCES tags (id),
    PRIMARY KEY (order_id, tag_id)
);
CREATE INDEX order_tags_tag_id_idx ON order_tags (tag_id);
