-- case: A named composite primary key added to an existing schema-qualified table.
-- expect: RAT013
-- target: postgres@15
-- given:
CREATE TABLE order_tags (order_id bigint NOT NULL, tag text NOT NULL);
-- up:
ALTER TABLE public.order_tags ADD CONSTRAINT order_tags_pkey PRIMARY KEY (order_id, tag);
