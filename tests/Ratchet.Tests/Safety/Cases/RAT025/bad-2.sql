-- case: DELETE without WHERE empties an existing schema-qualified table inside the transaction.
-- expect: RAT025
-- target: postgres@15
-- given:
CREATE TABLE sessions (id uuid PRIMARY KEY, user_id bigint NOT NULL, expires_at timestamptz NOT NULL);
-- up:
delete from public.sessions;
