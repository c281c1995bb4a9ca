-- account_emails (R__account_emails.sql) depends on accounts; Flyway never undoes a
-- repeatable migration, so the undo of V1 drops it first (PostgreSQL refuses to drop a
-- table a view depends on).
DROP VIEW IF EXISTS account_emails;
DROP TABLE accounts;
