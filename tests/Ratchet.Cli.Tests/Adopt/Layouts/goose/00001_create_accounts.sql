-- +goose Up
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email varchar(200) NOT NULL
);

-- +goose Down
DROP TABLE accounts;
