-- case: CREATE VIEW, COMMENT ON and GRANT are recognized.
-- expect-not: RAT036
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, active boolean NOT NULL DEFAULT true);
CREATE ROLE reporting;
-- up:
CREATE OR REPLACE VIEW active_users AS
    SELECT id, email FROM users WHERE active;
COMMENT ON VIEW active_users IS 'users who can log in';
GRANT SELECT ON active_users TO reporting;
