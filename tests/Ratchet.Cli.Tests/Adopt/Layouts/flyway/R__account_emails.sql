DROP VIEW IF EXISTS account_emails;
CREATE VIEW account_emails AS SELECT email FROM accounts;
