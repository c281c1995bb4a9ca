-- case: MySQL: DROP DATABASE.
-- expect: RAT018
-- target: mysql@8.0
-- given:
CREATE DATABASE legacy_reports;
-- up:
DROP DATABASE IF EXISTS legacy_reports;
