using System.Globalization;
using Ratchet.Schema;
using Xunit;

namespace Ratchet.Cli.Tests.Online;

/// <summary>
/// The phases of an online revision through the tool on a real PostgreSQL: abort after a partial backfill restores
/// schema and rows, kill -9 during the backfill resumes from the checkpoint, up refuses to pass an online revision,
/// the lock governor names its blockers, status shows the progress.
/// </summary>
public sealed class OnlineLifecycleTests : IAsyncLifetime
{
    private OnlineProject _p = null!;

    public async ValueTask InitializeAsync()
    {
        _p = await OnlineProject.CreateAsync();
        _p.Plain("001", null, """
            CREATE TABLE accounts (id serial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id serial PRIMARY KEY, account_id int NOT NULL REFERENCES accounts (id), amount int NOT NULL CHECK (amount >= 0), note text);
            CREATE INDEX orders_account ON orders (account_id);
            CREATE TABLE items (id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders (id), qty int NOT NULL);
            INSERT INTO accounts (name) SELECT 'a' || g FROM generate_series(1, 10) g;
            INSERT INTO orders (account_id, amount, note) SELECT 1 + g % 10, g, 'n' || g FROM generate_series(1, 5000) g;
            INSERT INTO items (order_id, qty) SELECT 1 + g % 5000, g FROM generate_series(1, 2000) g;
            """, "DROP TABLE items;\nDROP TABLE orders;\nDROP TABLE accounts;");
        _p.Online("002", "001", "ALTER TABLE orders ALTER COLUMN id TYPE bigint;");
    }

    public async ValueTask DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task Abort_after_a_partial_backfill_restores_the_schema_and_every_row()
    {
        _p.Settings("batch_size = 100\nbatch_time = \"10s\"");
        await _p.OkAsync("up", "001");
        var model = await _p.ModelAsync();
        var orders = await _p.FingerprintAsync("orders", "id");
        var items = await _p.FingerprintAsync("items", "id");

        var start = await _p.OkAsync("start", "--max-batches", "3");
        Assert.Contains("stopped", start.Out, StringComparison.Ordinal);
        // Three batches: 100 rows, then twice as many each time (each is far under the 10 s target): 700 of 5,000.
        var done = await _p.CountAsync("SELECT rows_done FROM ratchet_online WHERE step LIKE '%backfill'");
        Assert.Equal(700, done);
        Assert.Equal(done, await _p.CountAsync("SELECT count(*) FROM orders WHERE _ratchet_new_id IS NOT NULL"));
        var status = await _p.OkAsync("status");
        Assert.Contains("online 002: starting", status.Out, StringComparison.Ordinal);
        Assert.Contains("700 of 5,000", status.Out, StringComparison.Ordinal);

        var abort = await _p.OkAsync("abort");
        Assert.Contains("Aborted 002", abort.Out, StringComparison.Ordinal);
        Assert.Empty(SchemaComparer.Differences(model, await _p.ModelAsync()));
        Assert.Equal(orders, await _p.FingerprintAsync("orders", "id"));
        Assert.Equal(items, await _p.FingerprintAsync("items", "id"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM ratchet_online"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'rv\\_%'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM pg_proc WHERE proname LIKE '\\_ratchet\\_%'"));
        Assert.Equal(1, await _p.CountAsync("SELECT count(*) FROM ratchet_log WHERE action = 'abort' AND revision_id = '002'"));

        // Pending again: a new start plans afresh and completes.
        await _p.OkAsync("start");
        await _p.OkAsync("complete");
        Assert.Equal("bigint", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'id'"));
    }

    [Fact]
    public async Task Kill_9_during_the_backfill_then_start_again_resumes_from_the_checkpoint()
    {
        await _p.OkAsync("up", "001");
        await _p.ExecuteAsync("INSERT INTO orders (account_id, amount) SELECT 1, g FROM generate_series(1, 45000) g");
        // Batches double from 200 rows; the pause leaves the kill about 2 s after the test sees 2,000 rows done.
        _p.Settings("batch_size = 200\nbatch_time = \"10s\"\nbatch_pause = \"500ms\"");
        using (var process = _p.Project.Start("start"))
        {
            await _p.WaitForBackfilledAsync(2000);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var checkpoint = await _p.CountAsync("SELECT rows_done FROM ratchet_online WHERE step LIKE '%backfill'");
        Assert.InRange(checkpoint, 2000, 49_000);
        Assert.Equal(checkpoint, await _p.CountAsync("SELECT count(*) FROM orders WHERE _ratchet_new_id IS NOT NULL"));
        var status = await _p.OkAsync("status");
        Assert.Contains("starting", status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("schema drift", status.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await _p.RunAsync("validate")).ExitCode);

        _p.Settings("batch_size = 5000");
        var again = await _p.OkAsync("start", "--json");
        var events = again.Events();
        var resumed = Assert.Single(events, e => e.GetProperty("event").GetString() == "backfillResumed");
        Assert.Equal(checkpoint, resumed.GetProperty("done").GetInt64());
        var skipped = events.Where(e => e.GetProperty("event").GetString() == "stepCompleted" && e.GetProperty("skipped").GetBoolean()).ToList();
        Assert.Equal(3, skipped.Count);
        var lastBackfill = events.Last(e => e.GetProperty("event").GetString() == "backfill");
        Assert.Equal(50_000, lastBackfill.GetProperty("done").GetInt64());
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM orders WHERE _ratchet_new_id IS DISTINCT FROM id"));
        await _p.OkAsync("complete");
        Assert.Equal(50_000, await _p.CountAsync("SELECT count(*) FROM orders"));
    }

    [Fact]
    public async Task Up_refuses_to_pass_an_online_revision_and_another_revision_waits_while_one_is_in_progress()
    {
        _p.Plain("003", "002", "CREATE TABLE later (id int);", "DROP TABLE later;");
        var before = await _p.Db.FootprintAsync();
        var up = await _p.RunAsync("up");
        Assert.Equal(2, up.ExitCode);
        Assert.Contains("002__revision_002.sql: revision 002 is online", up.Error, StringComparison.Ordinal);
        Assert.Contains("ratchet start 002", up.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _p.Db.FootprintAsync());

        var start = await _p.OkAsync("start");
        Assert.Contains("Applied 1 revision(s) it needs first: 001", start.Out, StringComparison.Ordinal);
        var snapshot = await _p.Db.SnapshotAsync();
        var passing = await _p.RunAsync("up", "003");
        Assert.Equal(2, passing.ExitCode);
        Assert.Contains("revision 002 is online", passing.Error, StringComparison.Ordinal);
        var blocked = await _p.RunAsync("down", "base");
        Assert.Equal(2, blocked.ExitCode);
        Assert.Contains("online revision 002 is started", blocked.Error, StringComparison.Ordinal);
        Assert.Equal(snapshot, await _p.Db.SnapshotAsync());

        await _p.OkAsync("complete");
        await _p.OkAsync("up");
        Assert.True(await _p.Db.TableExistsAsync("later"));
        await _p.OkAsync("down", "001");
        Assert.Equal("integer", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'id'"));
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM ratchet_online"));
    }

    [Fact]
    public async Task Plan_sql_and_a_dry_run_describe_an_online_revision_instead_of_printing_a_script_for_it()
    {
        foreach (var args in new[] { new[] { "plan", "--sql" }, ["up", "--dry-run", "--with-online"] })
        {
            var plan = await _p.OkAsync(args);
            Assert.Contains("-- online revision: not a script", plan.Out, StringComparison.Ordinal);
            Assert.Contains("--   online alter column orders.id type bigint", plan.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("\nALTER TABLE orders ALTER COLUMN id TYPE bigint;", plan.Out, StringComparison.Ordinal);
        }

        Assert.False(await _p.Db.TableExistsAsync("orders"));
    }

    [Fact]
    public async Task A_locked_table_makes_each_step_wait_at_most_the_lock_timeout_then_start_gives_up_naming_the_blocker()
    {
        await _p.OkAsync("up", "001");
        _p.Settings("lock_timeout = \"100ms\"\nlock_attempts = 3");
        await using var holder = await _p.ConnectAsync();
        await OnlineProject.ExecAsync(holder, "BEGIN; LOCK TABLE orders IN ACCESS SHARE MODE");
        var pid = await OnlineProject.ScalarAsync(holder, "SELECT pg_backend_pid()");
        await using var reader = await _p.ConnectAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var start = await _p.RunAsync("start");
        var elapsed = clock.Elapsed;

        Assert.Equal(1, start.ExitCode);
        Assert.Contains("tried 3 time(s)", start.Error, StringComparison.Ordinal);
        Assert.Contains($"pid {pid}", start.Error, StringComparison.Ordinal);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(20));
        // Readers were never queued behind the waiting ALTER for longer than its timeout: a read now is immediate.
        var read = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(5000L, await OnlineProject.ScalarAsync(reader, "SELECT count(*) FROM orders"));
        Assert.True(read.Elapsed < TimeSpan.FromSeconds(5), read.Elapsed.ToString());
        Assert.Equal(0, await _p.CountAsync("SELECT count(*) FROM information_schema.columns WHERE column_name LIKE '\\_ratchet%'"));

        await OnlineProject.ExecAsync(holder, "ROLLBACK");
        await _p.OkAsync("start");
        await _p.OkAsync("complete");
    }

    [Fact]
    public async Task Complete_waits_for_a_new_code_writer_on_the_version_view_without_a_deadlock()
    {
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        // A lock timeout long enough to still be waiting when the writer goes on (the default would retry instead).
        _p.Settings("lock_timeout = \"5s\"");
        await using var young = await _p.ConnectAsync("rv_002");
        // New code holds a lock on its view (any statement through it does, from parse to commit) and writes next. With
        // a 10 ms deadlock_timeout a wait cycle shows at once; the default 1 s would leave it to complete's lock timeout.
        await OnlineProject.ExecAsync(young, "SET deadlock_timeout = '10ms'; BEGIN; COMMENT ON VIEW orders IS 'new code'");
        var complete = _p.RunAsync("complete");
        await _p.WaitForRatchetToWaitOnAsync("rv_002.orders");

        // complete waits for the view before it takes the table, so the writer's next statement on the table goes through.
        Assert.Equal(1, await OnlineProject.ExecAsync(young, "UPDATE orders SET amount = amount + 1 WHERE id = 1"));
        await OnlineProject.ExecAsync(young, "COMMIT");
        var result = await complete;
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("bigint", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'id'"));
        Assert.Equal(2, await _p.CountAsync("SELECT amount FROM orders WHERE id = 1"));
    }

    [Fact]
    public async Task A_swap_the_server_rolls_back_to_break_a_deadlock_is_tried_again()
    {
        await _p.OkAsync("up", "001");
        await _p.OkAsync("start");
        _p.Settings("lock_timeout = \"5s\"");
        await using var app = await _p.ConnectAsync();
        // An application transaction has written orders; complete's swap takes the version view, then waits for the table.
        // Its deadlock_timeout outlasts ratchet's (the server's 1 s), so the server breaks the cycle below on ratchet's side.
        await OnlineProject.ExecAsync(app, "SET deadlock_timeout = '30s'; BEGIN; UPDATE orders SET amount = amount + 1 WHERE id = 1");
        var complete = _p.RunAsync("complete", "--json");
        await _p.WaitForRatchetToWaitOnAsync("public.orders");

        // The same transaction reads through the view now: a lock cycle. The swap is rolled back, the read goes through.
        Assert.Equal(2, Convert.ToInt32(await OnlineProject.ScalarAsync(app, "SELECT amount FROM rv_002.orders WHERE id = 1"), CultureInfo.InvariantCulture));
        await OnlineProject.ExecAsync(app, "COMMIT");
        var result = await complete;
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("\"event\":\"retrying\"", result.Out, StringComparison.Ordinal);
        Assert.Contains("deadlock", result.Out, StringComparison.Ordinal);
        Assert.Equal("bigint", await _p.Db.ScalarAsync("SELECT data_type FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'id'"));
        Assert.Equal(2, await _p.CountAsync("SELECT amount FROM orders WHERE id = 1"));
    }

    [Fact]
    public async Task Online_revisions_are_refused_on_sqlite_with_nothing_applied()
    {
        using var project = new ProjectFolder();
        project.Migrations.Add("001", null, "CREATE TABLE t (id integer PRIMARY KEY);", "DROP TABLE t;");
        project.Migrations.Add("002", "001", "ALTER TABLE t ALTER COLUMN id TYPE bigint;", down: null, extraHeader: "-- ratchet:online");
        var up = await project.RunAsync("up", "--with-online");
        Assert.Equal(2, up.ExitCode);
        Assert.Contains("online revisions run on PostgreSQL", up.Error, StringComparison.Ordinal);
        Assert.Equal("no database", await project.Database.FootprintAsync());
        var start = await project.RunAsync("start");
        Assert.Equal(2, start.ExitCode);
        Assert.Contains("online revisions run on PostgreSQL", start.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-- ratchet:down\nSELECT 1;", "an online revision has no `down` section")]
    [InlineData("UPDATE orders SET amount = 0;", "cannot run online")]
    [InlineData("ALTER TABLE orders SPLIT COLUMN note INTO (a text USING note);", "SPLIT COLUMN needs `-- ratchet:down-using")]
    [InlineData("-- ratchet:backfill 1\nALTER TABLE orders RENAME COLUMN note TO memo;", "`backfill` belongs to ADD COLUMN or SET NOT NULL")]
    public async Task A_bad_online_file_is_exit_2_naming_the_file_and_line_with_nothing_applied(string up, string error)
    {
        _p.Online("002", "001", up);
        var before = await _p.Db.FootprintAsync();
        var start = await _p.RunAsync("start");
        Assert.Equal(2, start.ExitCode);
        Assert.Contains("002__revision_002.sql:", start.Error, StringComparison.Ordinal);
        Assert.Contains(error, start.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _p.Db.FootprintAsync());
    }

    [Fact]
    public async Task An_operation_that_cannot_run_online_here_is_exit_2_naming_its_line_with_nothing_run()
    {
        _p.Plain("001", null, "CREATE TABLE orders (id int PRIMARY KEY, v int GENERATED ALWAYS AS (id * 2) STORED, w int);", "DROP TABLE orders;");
        _p.Online("002", "001", "CREATE INDEX orders_w ON orders (w);\nALTER TABLE orders ALTER COLUMN v TYPE bigint;");
        await _p.OkAsync("up", "001");
        var before = await _p.Db.FootprintAsync();
        var start = await _p.RunAsync("start");
        Assert.Equal(2, start.ExitCode);
        Assert.Contains("line ", start.Error, StringComparison.Ordinal);
        Assert.Contains("line 7: online alter column orders.v type bigint: orders.v is a generated column", start.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _p.Db.FootprintAsync());
    }
}
