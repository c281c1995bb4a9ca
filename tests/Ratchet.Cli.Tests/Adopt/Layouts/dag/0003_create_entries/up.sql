CREATE TABLE entries (
    id integer PRIMARY KEY,
    account_id integer NOT NULL REFERENCES accounts (id),
    amount integer NOT NULL
);
