-- case: DROP SCHEMA IF EXISTS ... CASCADE drops everything in it.
-- expect: RAT018
-- target: postgres@15
-- given:
CREATE SCHEMA reporting;
CREATE TABLE reporting.daily_totals (day date PRIMARY KEY, total_cents bigint NOT NULL);
-- up:
DROP SCHEMA IF EXISTS reporting CASCADE;
