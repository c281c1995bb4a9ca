-- case: BEGIN and COMMIT inside a revision: the runner owns the transaction.
-- expect: RAT027 line 1
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
BEGIN;
ALTER TABLE users ADD COLUMN last_login_at timestamptz;
COMMIT;
