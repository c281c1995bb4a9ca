-- case: The safe alternative: the CHECK on the column, NOT VALID.
-- expect-not: RAT031
-- target: postgres@15
-- given:
CREATE TABLE payments (id bigint PRIMARY KEY, amount numeric(12,2) NOT NULL);
-- up:
ALTER TABLE payments ADD CONSTRAINT payments_amount_positive CHECK (amount > 0) NOT VALID;
