using System.Diagnostics;
using Npgsql;
using Ratchet.PostgreSql.Tests;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>The tool end to end on a real PostgreSQL: racing processes, kill -9, lock timeouts, the journal, repair.</summary>
public sealed class PostgresCliTests : IAsyncLifetime
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
    public async Task Eight_up_processes_at_once_apply_each_of_50_revisions_exactly_once()
    {
        for (var i = 1; i <= 50; i++)
        {
            _project.Migrations.Add($"{i:000}", i == 1 ? null : $"{i - 1:000}",
                $"CREATE TABLE t{i} (id integer PRIMARY KEY);\nINSERT INTO t{i} VALUES ({i});", $"DROP TABLE t{i};");
        }

        var runs = Enumerable.Range(0, 8).Select(_ => _project.RunProcessAsync("up", "--json")).ToList();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal(50, await _db.CountAsync("SELECT count(*) FROM ratchet_history"));
        Assert.Equal(50, await _db.CountAsync("SELECT count(DISTINCT revision_id) FROM ratchet_history"));
        Assert.Equal(50, await _db.CountAsync("SELECT count(*) FROM ratchet_log WHERE action = 'up'"));
        Assert.Equal(0, await _db.CountAsync("SELECT count(*) FROM ratchet_log WHERE action <> 'up'"));
        Assert.Equal(50, results.Sum(r => r.Out.Split('\n').Count(l => l.Contains("\"event\":\"completed\"", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Kill_9_during_a_long_revision_leaves_no_history_row_and_the_next_up_succeeds()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id integer);\nSELECT pg_sleep(60);\nCREATE TABLE c (id integer);", "DROP TABLE c;\nDROP TABLE b;");
        Assert.Equal(0, (await _project.RunAsync("up", "001")).ExitCode);
        var before = await _db.SnapshotAsync();

        using var process = _project.Start("up");
        await WaitUntilAsync(async () => await _db.CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'SELECT pg_sleep(60)%'") > 0);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        await WaitUntilAsync(async () => await _db.CountAsync("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ratchet' AND pid <> pg_backend_pid()") == 0);

        Assert.Equal(before, await _db.SnapshotAsync());
        Assert.False(await _db.TableExistsAsync("b"));
        Assert.Equal(1, await _db.CountAsync("SELECT count(*) FROM ratchet_history"));
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id integer);\nCREATE TABLE c (id integer);", "DROP TABLE c;\nDROP TABLE b;");
        var again = await _project.RunAsync("up", "--lock-timeout", "5s");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(await _db.TableExistsAsync("c"));
    }

    [Fact]
    public async Task A_blocked_alter_waits_at_most_the_lock_timeout_per_try_retries_then_names_the_blocking_pid()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE t (id integer);\nINSERT INTO t VALUES (1);", "DROP TABLE t;");
        _project.Migrations.Add("002", "001", "ALTER TABLE t ADD COLUMN note text;", "ALTER TABLE t DROP COLUMN note;");
        Assert.Equal(0, (await _project.RunAsync("up", "001")).ExitCode);
        await using var holder = await _db.OpenAsync();
        await using (var begin = new NpgsqlCommand("BEGIN; SELECT * FROM t;", holder))
        {
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var holderPid = holder.ProcessID;
        using var stopReading = new CancellationTokenSource();
        var reader = MeasureSelectsAsync(stopReading.Token);
        var clock = Stopwatch.StartNew();
        var result = await _project.RunAsync("up", "--statement-lock-timeout", "400ms", "--lock-retries", "3");
        clock.Stop();
        await stopReading.CancelAsync();
        var (selects, longest) = await reader;

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("002__revision_002.sql", result.Error, StringComparison.Ordinal);
        Assert.Contains("3 time(s); gave up", result.Error, StringComparison.Ordinal);
        Assert.Contains($"pid {holderPid} (user ", result.Error, StringComparison.Ordinal);
        Assert.Contains("idle in transaction", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Out.Split("lock timeout 002").Length - 1);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(3 * 400), TimeSpan.FromSeconds(30));
        Assert.True(selects > 5, $"only {selects} selects ran");
        // At most one try's lock timeout behind the ALTER, with room for a busy machine: queued behind all three tries
        // (and the delays between them) a SELECT would wait 1.2 s or more.
        Assert.True(longest < TimeSpan.FromMilliseconds(400 + 600), $"a SELECT waited {longest.TotalMilliseconds} ms");
        Assert.False(await ColumnExistsAsync("t", "note"));
        Assert.Equal(1, await _db.CountAsync("SELECT count(*) FROM ratchet_history"));
    }

    [Fact]
    public async Task A_held_runner_lock_is_exit_4_naming_pid_application_and_client()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");
        await using var held = await _db.Engine.AcquireRunnerLockAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

        var result = await _project.RunAsync("up", "--lock-timeout", "300ms");

        Assert.Equal(4, result.ExitCode);
        Assert.Matches(@"held by pid \d+, application ratchet, client 127\.0\.0\.1, user postgres", result.Error);
        Assert.False(await _db.TableExistsAsync("a"));
    }

    [Fact]
    public async Task A_failed_statement_of_a_non_transactional_revision_is_shown_by_status_and_resumed_after_the_fix()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE t (id integer);", "DROP TABLE t;");
        _project.Migrations.Add("002", "001", "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES ('two');\nINSERT INTO t VALUES (3);", "DELETE FROM t;",
            "-- ratchet:transaction off");

        var failed = await _project.RunAsync("up");
        var status = await _project.RunAsync("status");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("002__revision_002.sql:7", failed.Error, StringComparison.Ordinal);
        Assert.Contains("002 failed part-way: line 7: 22P02: invalid input syntax for type integer", status.Out, StringComparison.Ordinal);
        Assert.Contains("1 statement(s) done", status.Out, StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("SELECT count(*) FROM t"));

        _project.Migrations.Add("002", "001", "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (2);\nINSERT INTO t VALUES (3);", "DELETE FROM t;",
            "-- ratchet:transaction off");
        var resumed = await _project.RunAsync("up", "--json");

        Assert.Equal(0, resumed.ExitCode);
        Assert.Equal(6, await _db.CountAsync("SELECT sum(id) FROM t"));
        Assert.Single(resumed.Out.Split('\n'), l => l.Contains("\"skipped\":true", StringComparison.Ordinal));
        Assert.Equal(2, resumed.Out.Split('\n').Count(l => l.Contains("\"skipped\":false", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_invalid_index_left_by_a_failed_concurrent_build_is_reported_with_its_fix()
    {
        // The build itself fails (division by zero on a row), which no pre-check can foresee.
        _project.Migrations.Add("001", null, "CREATE TABLE t (v integer);\nINSERT INTO t VALUES (1), (2);", "DROP TABLE t;");
        _project.Migrations.Add("002", "001", "CREATE INDEX CONCURRENTLY ix_t_v ON t ((100 / (v - 1)));", "DROP INDEX CONCURRENTLY ix_t_v;",
            "-- ratchet:transaction off");

        var up = await _project.RunAsync("up");
        var status = await _project.RunAsync("status");

        Assert.Equal(1, up.ExitCode);
        Assert.Contains("22012", up.Error, StringComparison.Ordinal);
        Assert.Contains("index public.ix_t_v on public.t is INVALID", up.Error, StringComparison.Ordinal);
        Assert.Contains("DROP INDEX CONCURRENTLY IF EXISTS public.ix_t_v", up.Error, StringComparison.Ordinal);
        Assert.Contains("database: index public.ix_t_v on public.t is INVALID", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unique_concurrent_build_over_duplicates_is_stopped_before_it_starts_and_leaves_no_invalid_index()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE t (v integer);\nINSERT INTO t VALUES (1), (1);", "DROP TABLE t;");
        _project.Migrations.Add("002", "001", "CREATE UNIQUE INDEX CONCURRENTLY ix_t_v ON t (v);", "DROP INDEX CONCURRENTLY ix_t_v;",
            "-- ratchet:transaction off");

        var up = await _project.RunAsync("up");

        Assert.Equal(3, up.ExitCode);
        Assert.Contains("would add unique ix_t_v (v) to t, but the table holds duplicate values: (v=1, count=2)", up.Error, StringComparison.Ordinal);
        Assert.Equal(0, await _db.CountAsync("SELECT count(*) FROM pg_index WHERE NOT indisvalid"));
        Assert.Equal(0, await _db.CountAsync("SELECT count(*) FROM pg_class WHERE relname = 'ix_t_v'"));
    }

    [Fact]
    public async Task Single_transaction_applies_all_pending_revisions_or_none()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id integer);", "DROP TABLE b;");
        _project.Migrations.Add("003", "002", "INSERT INTO nope VALUES (1);", "");

        var failed = await _project.RunAsync("up", "--single-transaction");

        Assert.Equal(1, failed.ExitCode);
        Assert.False(await _db.TableExistsAsync("a"));
        Assert.Equal(0, await _db.CountAsync("SELECT count(*) FROM ratchet_history"));

        _project.Migrations.Add("003", "002", "CREATE TABLE c (id integer);", "DROP TABLE c;");
        var applied = await _project.RunAsync("up", "--single-transaction");
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal(3, await _db.CountAsync("SELECT count(*) FROM ratchet_history"));

        _project.Migrations.Add("004", "003", "CREATE INDEX CONCURRENTLY ix ON c (id);", "DROP INDEX CONCURRENTLY ix;", "-- ratchet:transaction off");
        var refused = await _project.RunAsync("up", "--single-transaction");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("004 is `transaction off`", refused.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repair_clears_a_failed_revision_so_it_runs_again_from_the_start()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE t (id integer);", "DROP TABLE t;");
        _project.Migrations.Add("002", "001", "INSERT INTO t VALUES (1);\nINSERT INTO nope VALUES (2);", "DELETE FROM t;", "-- ratchet:transaction off");
        Assert.Equal(1, (await _project.RunAsync("up")).ExitCode);

        var repair = await _project.RunAsync("repair");
        var status = await _project.RunAsync("status", "--json");

        Assert.Equal(0, repair.ExitCode);
        Assert.Contains("Cleared the failed state of 002", repair.Out, StringComparison.Ordinal);
        Assert.Contains("1 of its statement(s) had completed", repair.Out, StringComparison.Ordinal);
        Assert.Contains("\"pending\": [", status.Out, StringComparison.Ordinal);
        Assert.Equal(1, await _db.CountAsync("SELECT count(*) FROM ratchet_history"));
        Assert.Equal(1, await _db.CountAsync("SELECT count(*) FROM ratchet_log WHERE action = 'repair'"));
    }

    [Fact]
    public async Task The_history_tables_can_live_in_their_own_schema()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");

        var up = await _project.RunAsync("up", "--history-schema", "ops");
        var status = await _project.RunAsync("status", "--history-schema", "ops", "--json");

        Assert.Equal(0, up.ExitCode);
        Assert.Equal(1, await _db.CountAsync("SELECT count(*) FROM ops.ratchet_history"));
        Assert.False(await _db.TableExistsAsync("ratchet_history"));
        Assert.Contains("\"pending\": []", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shop_example_runs_up_and_down_on_postgres()
    {
        using var shop = new ProjectFolder(_db).WithExample("shop");

        var up = await shop.RunAsync("up", "--dir", "migrations");
        var schema = await _db.SchemaAsync();
        var down = await shop.RunAsync("down", "base", "--dir", "migrations");
        var again = await shop.RunAsync("up", "--dir", "migrations");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(schema, await _db.SchemaAsync());
        Assert.Equal(2, await _db.CountAsync("SELECT count(*) FROM orders WHERE status = 'new'"));
    }

    private async Task<bool> ColumnExistsAsync(string table, string column) =>
        await _db.CountAsync($"SELECT count(*) FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'") > 0;

    private async Task<(int Count, TimeSpan Longest)> MeasureSelectsAsync(CancellationToken stop)
    {
        await using var connection = await _db.OpenAsync();
        var count = 0;
        var longest = TimeSpan.Zero;
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            await using (var select = new NpgsqlCommand("SELECT count(*) FROM t", connection))
            {
                await select.ExecuteScalarAsync(CancellationToken.None);
            }

            longest = clock.Elapsed > longest ? clock.Elapsed : longest;
            count++;
            await Task.Delay(20, CancellationToken.None);
        }

        return (count, longest);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting");
            await Task.Delay(50);
        }
    }
}
