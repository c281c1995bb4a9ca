using Npgsql;
using Xunit;

namespace Ratchet.Cli.Tests.Online;

/// <summary>
/// Every online operation on a real PostgreSQL, through start and complete, with old-version writers (default
/// search_path) and new-version writers (the version schema first) at work during the transition; before complete both
/// representations agree on every row, and after it the new shape holds every row.
/// </summary>
public sealed class OnlineOperationTests : IAsyncLifetime
{
    private const int Writes = 60;
    private OnlineProject _p = null!;

    public async ValueTask InitializeAsync() => _p = await OnlineProject.CreateAsync();

    public async ValueTask DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task Int_to_bigint_of_a_primary_key_keeps_every_row_index_and_reference_while_both_versions_write()
    {
        _p.Plain("001", null, """
            CREATE TABLE orders (id serial PRIMARY KEY, amount int NOT NULL CHECK (amount >= 0));
            CREATE INDEX orders_amount_id ON orders (amount, id);
            CREATE TABLE items (id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders (id) ON DELETE CASCADE);
            INSERT INTO orders (amount) SELECT g FROM generate_series(1, 3000) g;
            INSERT INTO items (order_id) SELECT g FROM generate_series(1, 3000) g;
            """, "DROP TABLE items;\nDROP TABLE orders;");
        _p.Online("002", "001", "ALTER TABLE orders ALTER COLUMN id TYPE bigint;");
        _p.Settings("batch_size = 100\nbatch_time = \"10s\"\nbatch_pause = \"5ms\"");
        await _p.OkAsync("up", "001");

        // Old code writes all along the start (the backfill runs beside it), and until complete.
        using var stop = new CancellationTokenSource();
        var oldWrites = 0;
        var oldWriter = Task.Run(async () =>
        {
            await using var old = await _p.ConnectAsync();
            while (!stop.IsCancellationRequested)
            {
                var id = await OnlineProject.ScalarAsync(old, "INSERT INTO orders (amount) VALUES (7) RETURNING id");
                await OnlineProject.ExecAsync(old, $"INSERT INTO items (order_id) VALUES ({id}); UPDATE orders SET amount = amount + 1 WHERE id = {1 + (oldWrites % 3000)}");
                oldWrites++;
            }
        }, TestContext.Current.CancellationToken);
        var start = await _p.OkAsync("start", "--json");
        Assert.Contains("\"versionSchema\":\"rv_002\"", start.Out, StringComparison.Ordinal);
        await using (var young = await _p.ConnectAsync("rv_002"))
        {
            for (var i = 0; i < Writes; i++)
            {
                var id = await OnlineProject.ScalarAsync(young, "INSERT INTO orders (amount) VALUES (9) RETURNING id");
                Assert.IsType<long>(id);
                await OnlineProject.ExecAsync(young, $"UPDATE orders SET amount = amount + 2 WHERE id = {3000 - i}");
            }
        }

        await stop.CancelAsync();
        await oldWriter;
        Assert.True(oldWrites > 0);
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM orders WHERE _ratchet_new_id IS DISTINCT FROM id"));
        var rows = await _p.CountAsync("SELECT count(*) FROM orders");
        Assert.Equal(3000 + oldWrites + Writes, rows);
        var amounts = await _p.CountAsync("SELECT sum(amount) FROM orders");

        await _p.OkAsync("complete");
        Assert.Equal("bigint", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'id'"));
        Assert.Equal(rows, await _p.CountAsync("SELECT count(*) FROM orders"));
        Assert.Equal(amounts, await _p.CountAsync("SELECT sum(amount) FROM orders"));
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname = 'orders_pkey' AND contype = 'p'"));
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname = 'items_order_id_fkey' AND convalidated"));
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname = 'orders_amount_check' AND convalidated"));
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_indexes WHERE indexname = 'orders_amount_id' AND indexdef LIKE '%(amount, id)'"));
        Assert.Equal("bigint", await _p.Db.ScalarAsync("SELECT format_type(seqtypid, NULL) FROM pg_sequence WHERE seqrelid = 'orders_id_seq'::regclass"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
        await _p.ExecuteAsync("INSERT INTO orders (id, amount) VALUES (5000000000, 1)");
        await _p.ExecuteAsync("INSERT INTO items (order_id) VALUES (1)");
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM ratchet_history WHERE revision_id = '002'"));
    }

    [Fact]
    public async Task Int_to_bigint_of_an_identity_key_moves_the_identity_and_its_next_value()
    {
        _p.Plain("001", null, """
            CREATE TABLE tickets (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);
            CREATE TABLE notes (id int GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, ticket_id int NOT NULL REFERENCES tickets (id));
            INSERT INTO tickets (title) SELECT 't' || g FROM generate_series(1, 1000) g;
            INSERT INTO notes (ticket_id) SELECT g FROM generate_series(1, 1000) g;
            """, "DROP TABLE notes;\nDROP TABLE tickets;");
        _p.Online("002", "001", "ALTER TABLE tickets ALTER COLUMN id TYPE bigint;");
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        await Writers(
            (old, i) => OnlineProject.ExecAsync(old, $"INSERT INTO tickets (title) VALUES ('old {i}'); UPDATE tickets SET title = title || '!' WHERE id = {i + 1}"),
            (young, i) => OnlineProject.ExecAsync(young, $"INSERT INTO tickets (title) VALUES ('new {i}'); UPDATE tickets SET title = title || '?' WHERE id = {i + 500}"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM tickets WHERE _ratchet_new_id IS DISTINCT FROM id"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM (SELECT id FROM tickets GROUP BY id HAVING count(*) > 1) d"));
        var top = await _p.CountAsync("SELECT max(id) FROM tickets");
        await _p.OkAsync("complete");

        Assert.Equal("bigint", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'tickets' AND column_name = 'id'"));
        Assert.Equal("ALWAYS", await _p.Db.ScalarAsync("SELECT identity_generation FROM information_schema.columns WHERE table_name = 'tickets' AND column_name = 'id'"));
        Assert.Equal("public.tickets_id_seq", await _p.Db.ScalarAsync("SELECT pg_get_serial_sequence('tickets', 'id')"));
        Assert.Equal(1000 + 2 * Writes, await _p.CountAsync("SELECT count(*) FROM tickets"));
        await _p.ExecuteAsync("INSERT INTO tickets (title) VALUES ('after')");
        Assert.True(await _p.CountAsync("SELECT id FROM tickets WHERE title = 'after'") > top);
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname = 'notes_ticket_id_fkey' AND convalidated"));

        await _p.OkAsync("down", "001");
        Assert.Equal("integer", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'tickets' AND column_name = 'id'"));
        Assert.Equal("ALWAYS", await _p.Db.ScalarAsync("SELECT identity_generation FROM information_schema.columns WHERE table_name = 'tickets' AND column_name = 'id'"));
    }

    [Fact]
    public async Task Text_to_jsonb_keeps_both_representations_in_step()
    {
        _p.Plain("001", null, "CREATE TABLE events (id serial PRIMARY KEY, payload text NOT NULL);\n" +
            "INSERT INTO events (payload) SELECT json_build_object('n', g)::text FROM generate_series(1, 500) g;", "DROP TABLE events;");
        _p.Online("002", "001", "ALTER TABLE events ALTER COLUMN payload TYPE jsonb;");
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        await Writers(
            (old, i) => OnlineProject.ExecAsync(old, $"INSERT INTO events (payload) VALUES ('{{\"old\": {i}}}'); UPDATE events SET payload = '{{\"u\": {i}}}' WHERE id = {i + 1}"),
            (young, i) => OnlineProject.ExecAsync(young, $"INSERT INTO events (payload) VALUES (jsonb_build_object('new', {i})); UPDATE events SET payload = payload || '{{\"x\": 1}}' WHERE id = {i + 200}"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM events WHERE _ratchet_new_payload IS DISTINCT FROM payload::jsonb"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM events WHERE payload::jsonb ? 'new'"));
        await _p.OkAsync("complete");
        Assert.Equal("jsonb", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'payload'"));
        Assert.Equal(500 + 2 * Writes, await _p.CountAsync("SELECT count(*) FROM events"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM events WHERE payload ? 'x'"));
    }

    [Fact]
    public async Task Boolean_to_an_enum_with_a_mapping_both_ways()
    {
        _p.Plain("001", null, "CREATE TABLE users (id serial PRIMARY KEY, active boolean NOT NULL DEFAULT true);\n" +
            "INSERT INTO users (active) SELECT g % 3 <> 0 FROM generate_series(1, 300) g;", "DROP TABLE users;");
        _p.Online("002", "001", """
            CREATE TYPE user_status AS ENUM ('active', 'inactive', 'suspended');
            -- ratchet:down-using active = 'active'
            ALTER TABLE users ALTER COLUMN active TYPE user_status USING CASE WHEN active THEN 'active' ELSE 'inactive' END;
            """);
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        await Writers(
            (old, i) => OnlineProject.ExecAsync(old, $"INSERT INTO users (active) VALUES ({(i % 2 == 0 ? "true" : "false")}); UPDATE users SET active = NOT active WHERE id = {i + 1}"),
            (young, i) => OnlineProject.ExecAsync(young, $"INSERT INTO users DEFAULT VALUES; UPDATE users SET active = 'suspended' WHERE id = {i + 100}"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM users WHERE active IS DISTINCT FROM (_ratchet_new_active = 'active')"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM users WHERE active AND _ratchet_new_active <> 'active'"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM users WHERE _ratchet_new_active = 'suspended' AND NOT active"));
        await _p.OkAsync("complete");
        Assert.Equal("user_status", await _p.Db.ScalarAsync("SELECT udt_name FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'active'"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM users WHERE active = 'suspended'"));
        Assert.Equal(300 + 2 * Writes, await _p.CountAsync("SELECT count(*) FROM users"));
        await _p.ExecuteAsync("INSERT INTO users DEFAULT VALUES");
        Assert.Equal("active", await _p.Db.ScalarAsync("SELECT active::text FROM users ORDER BY id DESC LIMIT 1"));

        await _p.OkAsync("down", "001");
        Assert.Equal("boolean", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'active'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_type WHERE typname = 'user_status'"));
    }

    [Fact]
    public async Task Rename_column_old_code_writes_the_old_name_new_code_the_new_one()
    {
        _p.Plain("001", null, "CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);\nINSERT INTO customers (name) SELECT 'c' || g FROM generate_series(1, 200) g;",
            "DROP TABLE customers;");
        _p.Online("002", "001", "ALTER TABLE customers RENAME COLUMN name TO full_name;");
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        await Writers(
            (old, i) => OnlineProject.ExecAsync(old, $"INSERT INTO customers (name) VALUES ('old {i}'); UPDATE customers SET name = name || '!' WHERE id = {i + 1}"),
            (young, i) => OnlineProject.ExecAsync(young, $"INSERT INTO customers (full_name) VALUES ('new {i}'); UPDATE customers SET full_name = full_name || '?' WHERE id = {i + 100}"));
        await using (var young = await _p.ConnectAsync("rv_002"))
        {
            Assert.Equal(200L + 2 * Writes, await OnlineProject.ScalarAsync(young, "SELECT count(full_name) FROM customers"));
        }

        await _p.OkAsync("complete");
        Assert.Equal(200 + 2 * Writes, await _p.CountAsync("SELECT count(full_name) FROM customers"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM customers WHERE full_name LIKE 'new %'"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM customers WHERE full_name LIKE '%?'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' AND column_name = 'name'"));
    }

    [Fact]
    public async Task Split_column_keeps_the_whole_and_the_parts_in_step()
    {
        _p.Plain("001", null, "CREATE TABLE people (id serial PRIMARY KEY, full_name text NOT NULL);\n" +
            "INSERT INTO people (full_name) SELECT 'first' || g || ' last' || g FROM generate_series(1, 400) g;", "DROP TABLE people;");
        _p.Online("002", "001", """
            -- ratchet:down-using first_name || ' ' || coalesce(last_name, '')
            ALTER TABLE people SPLIT COLUMN full_name INTO (first_name text NOT NULL USING split_part(full_name, ' ', 1), last_name text USING split_part(full_name, ' ', 2));
            """);
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        await Writers(
            (old, i) => OnlineProject.ExecAsync(old, $"INSERT INTO people (full_name) VALUES ('Ann{i} Old'); UPDATE people SET full_name = 'Bob{i} Renamed' WHERE id = {i + 1}"),
            (young, i) => OnlineProject.ExecAsync(young, $"INSERT INTO people (first_name, last_name) VALUES ('Cy{i}', 'New'); UPDATE people SET last_name = 'Moved' WHERE id = {i + 200}"));
        Assert.Equal(0, await _p.CountAsync(
            "SELECT count(*) FROM people WHERE first_name IS DISTINCT FROM split_part(full_name, ' ', 1) OR last_name IS DISTINCT FROM split_part(full_name, ' ', 2)"));
        await _p.OkAsync("complete");
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM information_schema.columns WHERE table_name = 'people' AND column_name = 'full_name'"));
        Assert.Equal("NO", await _p.Db.ScalarAsync("SELECT is_nullable FROM information_schema.columns WHERE table_name = 'people' AND column_name = 'first_name'"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM people WHERE last_name = 'Moved'"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM people WHERE first_name LIKE 'Ann%' AND last_name = 'Old'"));
        Assert.Equal(400 + 2 * Writes, await _p.CountAsync("SELECT count(*) FROM people"));
    }

    [Fact]
    public async Task Add_a_not_null_column_with_a_backfill_and_set_not_null_through_a_validated_check()
    {
        _p.Plain("001", null, """
            CREATE TABLE accounts (id serial PRIMARY KEY, email text NOT NULL, phone text);
            INSERT INTO accounts (email, phone) SELECT 'A' || g || '@X.ORG', CASE WHEN g % 4 = 0 THEN NULL ELSE '555-' || g END FROM generate_series(1, 800) g;
            """, "DROP TABLE accounts;");
        _p.Online("002", "001", """
            -- ratchet:backfill lower(email)
            ALTER TABLE accounts ADD COLUMN email_lower text NOT NULL;
            -- ratchet:backfill 'unknown'
            ALTER TABLE accounts ALTER COLUMN phone SET NOT NULL;
            """);
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        await Writers(
            (old, i) => OnlineProject.ExecAsync(old, $"INSERT INTO accounts (email) VALUES ('OLD{i}@X.ORG'); UPDATE accounts SET phone = NULL WHERE id = {i + 1}"),
            (young, i) => OnlineProject.ExecAsync(young, $"INSERT INTO accounts (email, email_lower, phone) VALUES ('New{i}@x.org', 'chosen{i}', '1')"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM accounts WHERE email_lower IS NULL OR phone IS NULL"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM accounts WHERE email_lower LIKE 'chosen%'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM accounts WHERE email_lower NOT LIKE 'chosen%' AND email_lower <> lower(email)"));
        await _p.OkAsync("complete");
        Assert.Equal(2, await _p.CountAsync("SELECT count(*) FROM information_schema.columns WHERE table_name = 'accounts' AND column_name IN ('email_lower', 'phone') AND is_nullable = 'NO'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname LIKE '\\_ratchet%'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_trigger WHERE tgname LIKE '\\_ratchet%'"));
        Assert.Equal(800 + 2 * Writes, await _p.CountAsync("SELECT count(*) FROM accounts"));
    }

    [Fact]
    public async Task Foreign_key_unique_check_and_indexes_are_added_without_blocking_and_enforced_for_new_rows_from_start()
    {
        _p.Plain("001", null, """
            CREATE TABLE teams (id serial PRIMARY KEY);
            CREATE TABLE members (id serial PRIMARY KEY, team_id int NOT NULL, email text NOT NULL, age int NOT NULL);
            CREATE INDEX members_age_old ON members (age);
            INSERT INTO teams SELECT FROM generate_series(1, 10);
            INSERT INTO members (team_id, email, age) SELECT 1 + g % 10, 'm' || g || '@x.org', 20 + g % 50 FROM generate_series(1, 1000) g;
            """, "DROP TABLE members;\nDROP TABLE teams;");
        _p.Online("002", "001", """
            ALTER TABLE members ADD CONSTRAINT members_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE;
            ALTER TABLE members ADD CONSTRAINT members_email_key UNIQUE (email);
            ALTER TABLE members ADD CONSTRAINT members_age_check CHECK (age >= 0);
            CREATE INDEX members_team ON members (team_id) WHERE age > 30;
            DROP INDEX members_age_old;
            """);
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname = 'members_team_fk' AND NOT convalidated"));
        Assert.Equal(2, await _p.CountAsync("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname IN ('members_email_key', 'members_team') AND i.indisvalid"));
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'members_age_old'"));
        await Writers(
            (old, i) => OnlineProject.ExecAsync(old, $"INSERT INTO members (team_id, email, age) VALUES ({1 + i % 10}, 'old{i}@x.org', {i})"),
            (young, i) => OnlineProject.ExecAsync(young, $"INSERT INTO members (team_id, email, age) VALUES ({1 + i % 10}, 'new{i}@x.org', {i + 1})"));
        await using (var old = await _p.ConnectAsync())
        {
            await Assert.ThrowsAsync<PostgresException>(() => OnlineProject.ExecAsync(old, "INSERT INTO members (team_id, email, age) VALUES (99, 'x@x.org', 1)"));
            await Assert.ThrowsAsync<PostgresException>(() => OnlineProject.ExecAsync(old, "INSERT INTO members (team_id, email, age) VALUES (1, 'old1@x.org', 1)"));
            await Assert.ThrowsAsync<PostgresException>(() => OnlineProject.ExecAsync(old, "INSERT INTO members (team_id, email, age) VALUES (1, 'neg@x.org', -1)"));
        }

        await _p.OkAsync("complete");
        Assert.Equal(2, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname IN ('members_team_fk', 'members_age_check') AND convalidated"));
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname = 'members_email_key' AND contype = 'u'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'members_age_old'"));
        Assert.Equal(1000 + 2 * Writes, await _p.CountAsync("SELECT count(*) FROM members"));

        await _p.OkAsync("down", "001");
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_constraint WHERE conname IN ('members_team_fk', 'members_age_check', 'members_email_key')"));
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'members_age_old'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'members_team'"));
    }

    [Fact]
    public async Task Drop_column_new_code_no_longer_sees_it_and_old_code_keeps_its_not_null()
    {
        _p.Plain("001", null, "CREATE TABLE notes (id serial PRIMARY KEY, body text NOT NULL, legacy text NOT NULL);\n" +
            "INSERT INTO notes (body, legacy) SELECT 'b' || g, 'l' || g FROM generate_series(1, 300) g;", "DROP TABLE notes;");
        _p.Online("002", "001", "-- ratchet:down-using 'none'\nALTER TABLE notes DROP COLUMN legacy;");
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        await Writers(
            (old, i) => OnlineProject.ExecAsync(old, $"INSERT INTO notes (body, legacy) VALUES ('old {i}', 'kept {i}')"),
            async (young, i) =>
            {
                await OnlineProject.ExecAsync(young, $"INSERT INTO notes (body) VALUES ('new {i}')");
                await Assert.ThrowsAsync<PostgresException>(() => OnlineProject.ScalarAsync(young, "SELECT legacy FROM notes LIMIT 1"));
            });
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM notes WHERE legacy = 'none'"));
        Assert.Equal(Writes, await _p.CountAsync("SELECT count(*) FROM notes WHERE legacy LIKE 'kept %'"));
        await _p.OkAsync("complete");
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM information_schema.columns WHERE table_name = 'notes' AND column_name = 'legacy'"));
        Assert.Equal(300 + 2 * Writes, await _p.CountAsync("SELECT count(*) FROM notes"));
    }

    [Fact]
    public async Task Complete_stops_before_any_change_when_a_pre_check_finds_rows_and_names_them()
    {
        _p.Plain("001", null, "CREATE TABLE t (id serial PRIMARY KEY, parent int, v int);\nCREATE TABLE p (id int PRIMARY KEY);\n" +
            "INSERT INTO p VALUES (1);\nINSERT INTO t (parent, v) VALUES (1, 1), (42, NULL);", "DROP TABLE t;\nDROP TABLE p;");
        _p.Online("002", "001", "ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent) REFERENCES p (id);\nALTER TABLE t ALTER COLUMN v SET NOT NULL;");
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        var before = await _p.Db.SnapshotAsync();
        var complete = await _p.RunAsync("complete");
        Assert.Equal(3, complete.ExitCode);
        Assert.Contains("values of t(parent) with no row in p: (42)", complete.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _p.Db.SnapshotAsync());
        await _p.ExecuteAsync("UPDATE t SET parent = 1");
        complete = await _p.RunAsync("complete");
        Assert.Equal(3, complete.ExitCode);
        Assert.Contains("rows of t where v is NULL: (2)", complete.Error, StringComparison.Ordinal);
        await _p.ExecuteAsync("UPDATE t SET v = 0 WHERE v IS NULL");
        await _p.OkAsync("complete");
        Assert.Equal("NO", await _p.Db.ScalarAsync("SELECT is_nullable FROM information_schema.columns WHERE table_name = 't' AND column_name = 'v'"));
    }

    /// <summary>An old-version writer and a new-version writer, at once, <see cref="Writes"/> writes each.</summary>
    private async Task Writers(Func<NpgsqlConnection, int, Task> old, Func<NpgsqlConnection, int, Task> young)
    {
        async Task Run(string? schema, Func<NpgsqlConnection, int, Task> write)
        {
            await using var connection = await _p.ConnectAsync(schema);
            for (var i = 0; i < Writes; i++)
            {
                await write(connection, i);
            }
        }

        var token = TestContext.Current.CancellationToken;
        await Task.WhenAll(Task.Run(() => Run(null, old), token), Task.Run(() => Run("rv_002", young), token));
    }
}
