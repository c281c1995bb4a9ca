using Npgsql;
using Ratchet.PostgreSql.Tests;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>
/// Runs of plain revisions that PostgreSQL gets in one pipeline, each revision still its own transaction: a failure
/// anywhere in the run stops it at that revision, with the revisions before it committed and recorded and nothing of it
/// or after it kept, and it is reported (or retried) exactly as when it runs alone.
/// </summary>
public sealed class PostgresGroupedRunTests : IAsyncLifetime
{
    private PostgresTestDatabase _db = null!;
    private ProjectFolder _project = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresFixture.CreateAsync();
        _project = new ProjectFolder(_db);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _project.Dispose();
    }

    [Fact]
    public async Task A_failing_revision_in_the_middle_of_a_run_keeps_the_ones_before_it_and_nothing_of_it_or_after_it()
    {
        for (var i = 1; i <= 6; i++)
        {
            var up = i == 4
                ? "CREATE TABLE t4 (id integer);\nINSERT INTO t4 VALUES (1 / 0);"
                : $"CREATE TABLE t{i} (id integer PRIMARY KEY);\nINSERT INTO t{i} VALUES ({i});";
            _project.Migrations.Add($"{i:000}", i == 1 ? null : $"{i - 1:000}", up, $"DROP TABLE t{i};");
        }

        var failed = await _project.RunAsync("up");

        Assert.Equal(1, failed.ExitCode);
        var file = Path.Combine(_project.Migrations.Path, "004__revision_004.sql");
        var line = File.ReadAllLines(file).ToList().FindIndex(l => l.StartsWith("INSERT INTO t4", StringComparison.Ordinal)) + 1;
        Assert.Contains($"004__revision_004.sql:{line}", failed.Error, StringComparison.Ordinal);
        Assert.Contains("division by zero", failed.Error, StringComparison.Ordinal);
        Assert.Equal(["001", "002", "003"], await _db.ListAsync("SELECT revision_id FROM ratchet_history ORDER BY sequence"));
        Assert.Equal(["t1", "t2", "t3"], (await _db.UserTablesAsync()).Where(t => t.StartsWith('t')).Order(StringComparer.Ordinal));
        Assert.Equal(["001:up", "002:up", "003:up", "004:fail"],
            await _db.ListAsync("SELECT revision_id || ':' || action FROM ratchet_log ORDER BY id"));
        Assert.Contains("003 Revision 003 (", failed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("004 Revision 004 (", failed.Out, StringComparison.Ordinal);

        _project.Migrations.Add("004", "003", "CREATE TABLE t4 (id integer);\nINSERT INTO t4 VALUES (4);", "DROP TABLE t4;");
        var again = await _project.RunAsync("up");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(["001:1", "002:2", "003:3", "004:4", "005:5", "006:6"],
            await _db.ListAsync("SELECT revision_id || ':' || sequence FROM ratchet_history ORDER BY sequence"));
        Assert.Equal(21, await _db.CountAsync("SELECT (SELECT sum(id) FROM t1) + (SELECT sum(id) FROM t2) + (SELECT sum(id) FROM t3) + " +
            "(SELECT sum(id) FROM t4) + (SELECT sum(id) FROM t5) + (SELECT sum(id) FROM t6)"));
    }

    [Fact]
    public async Task A_lock_timeout_in_a_run_is_retried_within_the_same_number_of_tries_then_names_the_blocking_pid()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE t (id integer);", "DROP TABLE t;");
        _project.Migrations.Add("002", "001", "CREATE TABLE a (id integer);", "DROP TABLE a;");
        _project.Migrations.Add("003", "002", "ALTER TABLE t ADD COLUMN note text;", "ALTER TABLE t DROP COLUMN note;");
        _project.Migrations.Add("004", "003", "CREATE TABLE b (id integer);", "DROP TABLE b;");
        Assert.Equal(0, (await _project.RunAsync("up", "001")).ExitCode);
        await using var holder = await _db.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN; SELECT * FROM t;", holder))
        {
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var blocked = await _project.RunAsync("up", "--statement-lock-timeout", "300ms", "--lock-retries", "3");

        Assert.Equal(1, blocked.ExitCode);
        Assert.Contains("003__revision_003.sql", blocked.Error, StringComparison.Ordinal);
        Assert.Contains("3 time(s); gave up", blocked.Error, StringComparison.Ordinal);
        Assert.Contains($"pid {holder.ProcessID} (user ", blocked.Error, StringComparison.Ordinal);
        // Tries 1 and 2 are followed by a retry; the third gives up: the run's own try counts as the first.
        Assert.Equal(2, blocked.Out.Split("lock timeout 003").Length - 1);
        Assert.Equal(["001", "002"], await _db.ListAsync("SELECT revision_id FROM ratchet_history ORDER BY sequence"));
        Assert.False(await _db.TableExistsAsync("b"));

        await using (var commit = new NpgsqlCommand("COMMIT", holder))
        {
            await commit.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var again = await _project.RunAsync("up");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(["001", "002", "003", "004"], await _db.ListAsync("SELECT revision_id FROM ratchet_history ORDER BY sequence"));
    }

    /// <summary>
    /// Every way a revision's commit can be refused: an INSERT makes the revision count rows around it, so it runs on its
    /// own in an explicit transaction; a function call is plain DDL to Ratchet, so it goes in the pipeline with the next
    /// revision, or, when it is the only one pending, in a pipeline of its own whose commit is implicit; with 63 more
    /// statements it is too long for a pipeline and runs in an explicit transaction of its own.
    /// </summary>
    [Theory]
    [InlineData("insert", false)]
    [InlineData("function", false)]
    [InlineData("function", true)]
    [InlineData("long", false)]
    public async Task A_deferred_constraint_that_fails_at_commit_stops_the_run_at_its_revision(string kind, bool alone)
    {
        const string orphan = "CREATE FUNCTION orphan() RETURNS void LANGUAGE sql AS 'INSERT INTO child VALUES (1, 42)';\nSELECT orphan();";
        var up = kind switch
        {
            "insert" => "INSERT INTO child VALUES (1, 42);",
            "function" => orphan,
            _ => string.Concat(Enumerable.Range(1, 63).Select(i => $"CREATE TABLE pad{i} (id integer);\n")) + orphan,
        };
        _project.Migrations.Add("001", null,
            "CREATE TABLE parent (id integer PRIMARY KEY);\n" +
            "CREATE TABLE child (id integer, parent_id integer REFERENCES parent DEFERRABLE INITIALLY DEFERRED);",
            "DROP TABLE child;\nDROP TABLE parent;");
        if (alone)
        {
            Assert.Equal(0, (await _project.RunAsync("up")).ExitCode);
        }

        _project.Migrations.Add("002", "001", up, "SELECT 1;");
        if (!alone)
        {
            _project.Migrations.Add("003", "002", "CREATE TABLE later (id integer);", "DROP TABLE later;");
        }

        var failed = await _project.RunAsync("up");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("002__revision_002.sql: revision 002 (up) failed: 23503", failed.Error, StringComparison.Ordinal);
        Assert.Contains("when its transaction committed", failed.Error, StringComparison.Ordinal);
        Assert.Equal(["001"], await _db.ListAsync("SELECT revision_id FROM ratchet_history"));
        Assert.Equal(0, await _db.CountAsync("SELECT count(*) FROM child"));
        Assert.False(await _db.TableExistsAsync("later"));
        Assert.False(await _db.TableExistsAsync("pad1"));
        Assert.Equal(0, await _db.CountAsync("SELECT count(*) FROM pg_proc WHERE proname = 'orphan'"));
        Assert.Equal(["001:up", "002:fail"], await _db.ListAsync("SELECT revision_id || ':' || action FROM ratchet_log ORDER BY id"));
    }

    [Fact]
    public async Task Ctrl_c_during_a_run_keeps_the_revisions_committed_before_it_reported_and_rolls_back_the_running_one()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
        _project.Migrations.Add("002", "001", "CREATE TABLE t2 (id integer);", "DROP TABLE t2;");
        _project.Migrations.Add("003", "002", "CREATE TABLE t3 (id integer);\nSELECT pg_sleep(60);", "DROP TABLE t3;");
        _project.Migrations.Add("004", "003", "CREATE TABLE t4 (id integer);", "DROP TABLE t4;");

        using var process = _project.Start("up");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await _db.CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the run never reached revision 003");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var (stdout, stderr) = (await output, await error);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("cancelled", stderr, StringComparison.Ordinal);
        Assert.Equal(["001", "002"], await _db.ListAsync("SELECT revision_id FROM ratchet_history ORDER BY sequence"));
        Assert.Equal(["t1", "t2"], await _db.UserTablesAsync());
        Assert.Contains("001 Revision 001 (", stdout, StringComparison.Ordinal);
        Assert.Contains("002 Revision 002 (", stdout, StringComparison.Ordinal);
        Assert.Contains("failed 003", stdout, StringComparison.Ordinal);
        Assert.Equal(["001:up", "002:up", "003:fail"], await _db.ListAsync("SELECT revision_id || ':' || action FROM ratchet_log ORDER BY id"));
    }

    [Fact]
    public async Task Ctrl_c_whose_clean_up_takes_seconds_still_ends_with_the_fail_row_and_exit_code_1()
    {
        // System.CommandLine's own Ctrl-C handling gives up after two seconds with exit code 130; the clean-up after a
        // cancel (rollback, the `fail` log row) may take longer on a busy server, here because the log is locked.
        _project.Migrations.Add("001", null, "CREATE TABLE t1 (id integer);", "DROP TABLE t1;");
        _project.Migrations.Add("002", "001", "CREATE TABLE t2 (id integer);\nSELECT pg_sleep(60);", "DROP TABLE t2;");

        // The fail row waits for the locked log under the session's lock timeout: a long one, so the test's commit
        // after its 3 s look is never late on a busy machine.
        using var process = _project.Start("up", "--statement-lock-timeout", "60s");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await _db.CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%pg_sleep(60)%' AND pid <> pg_backend_pid()") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the run never reached revision 002");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await using (var blocker = await _db.OpenAsync())
        {
            await using var transaction = await blocker.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await using (var command = new NpgsqlCommand("LOCK TABLE ratchet_log IN SHARE MODE", blocker, transaction))
            {
                await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            using (var interrupt = System.Diagnostics.Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await interrupt.WaitForExitAsync(TestContext.Current.CancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            Assert.False(process.HasExited, "the run exited while its fail row was still waiting for the log");
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var stderr = await error;
        await output;

        Assert.True(process.ExitCode == 1, $"exit {process.ExitCode}: {stderr}");
        Assert.Contains("cancelled", stderr, StringComparison.Ordinal);
        Assert.Equal(["001"], await _db.ListAsync("SELECT revision_id FROM ratchet_history ORDER BY sequence"));
        Assert.Equal(["t1"], await _db.UserTablesAsync());
        Assert.Equal(["001:up", "002:fail"], await _db.ListAsync("SELECT revision_id || ':' || action FROM ratchet_log ORDER BY id"));
    }

    [Fact]
    public async Task Statements_that_return_rows_leave_every_revision_its_own_completed_event_and_duration()
    {
        _project.Migrations.Add("001", null, "CREATE SEQUENCE s;\nSELECT setval('s', 41);", "DROP SEQUENCE s;");
        _project.Migrations.Add("002", "001", "SELECT 7 AS ratchet_elapsed_ms;\nCREATE TABLE t (id bigint DEFAULT nextval('s'));", "DROP TABLE t;");
        _project.Migrations.Add("003", "002", "INSERT INTO t DEFAULT VALUES;\nSELECT pg_sleep(0.5);", "DELETE FROM t;");

        var result = await _project.RunAsync("up", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var completed = result.Out.Split('\n').Where(l => l.Contains("\"event\":\"completed\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, completed.Count);
        Assert.Contains("\"id\":\"003\"", completed[2], StringComparison.Ordinal);
        Assert.Equal(42, await _db.CountAsync("SELECT id FROM t"));
        Assert.Equal(["001", "002", "003"], await _db.ListAsync("SELECT revision_id FROM ratchet_history ORDER BY sequence"));
        // Each revision's own server-side time: the one that sleeps 500 ms took at least that, the others far less (a
        // shared pipeline time would give 002 the sleep too; the margin leaves room for a busy machine).
        Assert.True(await _db.CountAsync("SELECT duration_ms FROM ratchet_history WHERE revision_id = '003'") >= 500);
        Assert.True(await _db.CountAsync("SELECT duration_ms FROM ratchet_history WHERE revision_id = '002'") < 400);
    }
}
