-- case: now() is STABLE, not volatile: evaluated once, stored as the missing value, no rewrite on PostgreSQL 11+.
-- expect-not: RAT005
-- target: postgres@15
-- given:
CREATE TABLE orders (id bigint PRIMARY KEY, total_cents bigint NOT NULL);
-- up:
ALTER TABLE orders ADD COLUMN imported_at timestamptz NOT NULL DEFAULT now();
