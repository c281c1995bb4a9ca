DROP INDEX accounts_email_idx;
ALTER TABLE accounts DROP COLUMN name;
