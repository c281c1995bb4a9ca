-- case: CHECK constraints on a table created in the same revision, inline and added by ALTER.
-- expect-not: RAT009
-- target: postgres@15
-- given:
-- up:
CREATE TABLE refunds (id bigint PRIMARY KEY, amount_cents bigint NOT NULL CHECK (amount_cents > 0), reason text);
ALTER TABLE refunds ADD CONSTRAINT refunds_reason_length CHECK (char_length(reason) <= 500);
