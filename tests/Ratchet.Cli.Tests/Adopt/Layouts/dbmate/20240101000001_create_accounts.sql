-- migrate:up
CREATE TABLE accounts (
    id integer PRIMARY KEY,
    email varchar(200) NOT NULL
);

-- migrate:down
DROP TABLE accounts;
