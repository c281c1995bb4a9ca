-- case: The safe alternative: DETACH PARTITION ... CONCURRENTLY in a transaction-off revision.
-- expect-not: RAT004
-- target: postgres@15
-- transaction: off
-- given:
CREATE TABLE measurements (id bigint NOT NULL, taken_at date NOT NULL, value numeric) PARTITION BY RANGE (taken_at);
CREATE TABLE measurements_2023 PARTITION OF measurements FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
-- up:
ALTER TABLE measurements DETACH PARTITION measurements_2023 CONCURRENTLY;
