namespace Ratchet.Cli.Tests.Diff;

/// <summary>The SQLite corpus: every change SQLite makes in place or by rebuilding the table.</summary>
public static class SqliteSchemaPairs
{
    private const string Users = "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT);";
    private const string SeedUsers = "INSERT INTO users (name, email) VALUES ('ann', 'ann@example.com'), ('bob', NULL);";

    public static IReadOnlyList<SchemaPair> All { get; } =
    [
        new("add column", Users, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, age INTEGER);", SeedUsers),
        new("add NOT NULL column with a default", Users, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, active INTEGER NOT NULL DEFAULT 1);", SeedUsers),
        new("drop column", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, age INTEGER);", Users,
            "INSERT INTO users (name, age) VALUES ('ann', 3);"),
        new("alter column type", Users, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email VARCHAR(200));", SeedUsers),
        new("nullability", Users, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);", SeedUsers),
        new("set NOT NULL", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT);", Users, "INSERT INTO users (name) VALUES ('ann');"),
        new("default", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'x', email TEXT);",
            "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL DEFAULT 'someone', email TEXT);", SeedUsers),
        new("unique index", Users, Users + "\nCREATE UNIQUE INDEX users_email ON users (email);", SeedUsers),
        new("partial index", Users, Users + "\nCREATE INDEX users_named ON users (name) WHERE email IS NOT NULL;", SeedUsers),
        new("unique constraint", Users, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT, UNIQUE (email));", SeedUsers),
        new("foreign key with ON DELETE",
            Users + "\nCREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, title TEXT);",
            Users + "\nCREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id) ON DELETE CASCADE, title TEXT);",
            SeedUsers + "\nINSERT INTO posts (user_id, title) VALUES (1, 'hello'), (2, 'again');"),
        new("foreign key action changes",
            Users + "\nCREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id), title TEXT);",
            Users + "\nCREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER REFERENCES users (id) ON DELETE SET NULL, title TEXT);",
            SeedUsers + "\nINSERT INTO posts (user_id, title) VALUES (1, 'hello');"),
        new("check", Users, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL CHECK (length(name) > 0), email TEXT);", SeedUsers),
        new("enum value added",
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('new', 'paid')));",
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT NOT NULL CHECK (status IN ('new', 'paid', 'shipped')));",
            "INSERT INTO orders (status) VALUES ('new'), ('paid');"),
        new("table rename given with --rename",
            "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);\nCREATE INDEX orders_total ON orders (total);",
            "CREATE TABLE purchases (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);\nCREATE INDEX orders_total ON purchases (total);",
            "INSERT INTO orders (total) VALUES (5), (7);", "orders=purchases"),
        new("column rename given with --rename", Users, "CREATE TABLE users (id INTEGER PRIMARY KEY, full_name TEXT NOT NULL, email TEXT);", SeedUsers,
            "users.name=full_name"),
        new("new table referencing an old one, and a dropped table",
            Users + "\nCREATE TABLE legacy (id INTEGER PRIMARY KEY);",
            Users + "\nCREATE TABLE sessions (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), token TEXT NOT NULL UNIQUE);\nCREATE INDEX sessions_user ON sessions (user_id);",
            SeedUsers),
        new("composite primary key",
            "CREATE TABLE memberships (user_id INTEGER NOT NULL, team_id INTEGER NOT NULL, role TEXT);",
            "CREATE TABLE memberships (user_id INTEGER NOT NULL, team_id INTEGER NOT NULL, role TEXT, PRIMARY KEY (user_id, team_id));",
            "INSERT INTO memberships VALUES (1, 1, 'a'), (1, 2, 'b');"),
        new("view and trigger", Users,
            Users + "\nCREATE VIEW named AS SELECT id, name FROM users;\nCREATE TRIGGER users_lower AFTER INSERT ON users BEGIN UPDATE users SET email = lower(email) WHERE id = NEW.id; END;",
            SeedUsers),
        new("generated column and autoincrement",
            "CREATE TABLE items (id INTEGER PRIMARY KEY, price INTEGER NOT NULL, qty INTEGER NOT NULL);",
            "CREATE TABLE items (id INTEGER PRIMARY KEY AUTOINCREMENT, price INTEGER NOT NULL, qty INTEGER NOT NULL, total INTEGER GENERATED ALWAYS AS (price * qty) VIRTUAL);",
            "INSERT INTO items (price, qty) VALUES (2, 3);"),
    ];
}
