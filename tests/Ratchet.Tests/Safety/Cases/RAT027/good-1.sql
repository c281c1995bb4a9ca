-- case: BEGIN ... END inside a DO block body is not a transaction statement.
-- expect-not: RAT027
-- target: postgres@15
-- given:
CREATE TABLE settings (key text PRIMARY KEY, value text);
-- up:
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM settings WHERE key = 'theme') THEN
        INSERT INTO settings (key, value) VALUES ('theme', 'light');
    END IF;
END
$$;
