-- +goose Up
CREATE TABLE entries (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id),
    amount integer NOT NULL
);

-- +goose StatementBegin
CREATE VIEW entry_totals AS
SELECT account_id, sum(amount) AS total
FROM entries
GROUP BY account_id;
-- +goose StatementEnd

-- +goose Down
DROP VIEW entry_totals;
DROP TABLE entries;
