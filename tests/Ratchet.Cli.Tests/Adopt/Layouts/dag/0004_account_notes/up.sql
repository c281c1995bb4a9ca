CREATE TABLE account_notes (
    id integer PRIMARY KEY,
    note text
);
