-- This file should undo anything in `up.sql`
DROP INDEX accounts_email_idx;
ALTER TABLE accounts DROP COLUMN name;
