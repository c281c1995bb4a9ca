-- case: START TRANSACTION with an isolation level, and a ROLLBACK at the end.
-- expect: RAT027 line 1
-- target: postgres@15
-- given:
CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
-- up:
START TRANSACTION ISOLATION LEVEL SERIALIZABLE;
INSERT INTO users (id, email) VALUES (1, 'admin@example.com');
ROLLBACK;
