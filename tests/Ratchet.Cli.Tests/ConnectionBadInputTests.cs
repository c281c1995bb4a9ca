using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>Bad input that concerns the connection or the SQLite file itself.</summary>
public sealed class ConnectionBadInputTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    private async Task<string> ApplyBaselineAsync()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
        var up = await _project.RunAsync("up");
        Assert.True(up.ExitCode == 0, up.ToString());
        return await _project.Database.SnapshotAsync();
    }

    [Fact]
    public async Task An_unreachable_database_is_exit_2_and_never_shows_the_password()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);");

        var missingFolder = await _project.RunAsync("up", "--url", "sqlite:no/such/folder/x.db");
        var server = await _project.RunAsync("status", "--url", "postgres://bob:s3cret@127.0.0.1:1/app");

        Assert.Equal(2, missingFolder.ExitCode);
        Assert.Contains("cannot open database sqlite:no/such/folder/x.db", missingFolder.Error, StringComparison.Ordinal);
        Assert.Equal(2, server.ExitCode);
        Assert.DoesNotContain("s3cret", server.All, StringComparison.Ordinal);
        Assert.Contains("postgres://bob:***@127.0.0.1:1/app", server.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_project.Root, "ratchet.db")));
    }

    [Fact]
    public async Task A_malformed_url_is_exit_2_and_never_shows_the_password()
    {
        var before = await ApplyBaselineAsync();

        var result = await _project.RunAsync("up", "--url", "postgres//bob:s3cret@db/app");
        var json = await _project.RunAsync("up", "--url", "postgres//bob:s3cret@db/app", "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("malformed database URL 'postgres//bob:***@db/app'", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", result.All + json.All, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_exit_2()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);");
        File.WriteAllText(Path.Combine(_project.Root, "ratchet.db"), "this is not a database, just text that is long enough to look like a header");

        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot open database sqlite:ratchet.db", result.Error, StringComparison.Ordinal);
        Assert.StartsWith("this is not a database", File.ReadAllText(Path.Combine(_project.Root, "ratchet.db")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_migrations_folder_is_exit_2_and_creates_no_database()
    {
        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no migrations in migrations", result.Error, StringComparison.Ordinal);
        Assert.Contains("ratchet new", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_project.Root, "ratchet.db")));
    }

    [Fact]
    public async Task A_missing_migrations_folder_is_exit_2()
    {
        var result = await _project.RunAsync("status", "--dir", "elsewhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("migrations folder 'elsewhere' does not exist", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lock_held_by_another_runner_is_exit_4_naming_the_holder()
    {
        var before = await ApplyBaselineAsync();
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        await _project.Database.ExecuteAsync(
            "INSERT OR REPLACE INTO ratchet_lock (id, pid, host, owner, acquired_at, token) VALUES (1, 99, 'ci-runner-3', 'deploy@ci-runner-3', '2026-01-01 00:00:00Z', 't')");
        var footprint = await _project.Database.FootprintAsync();
        await using var held = new FileStream(Path.Combine(_project.Root, "ratchet.db.ratchet-lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var result = await _project.RunAsync("up", "--lock-timeout", "300ms");

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("held by pid 99 on ci-runner-3", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.SnapshotAsync());
        Assert.Equal(footprint, await _project.Database.FootprintAsync());
    }

    [Fact]
    public async Task Kill_9_during_a_long_revision_leaves_it_unapplied_and_frees_the_lock()
    {
        await ApplyBaselineAsync();
        _project.Migrations.Add("002", "001",
            "CREATE TABLE b (id INTEGER);\nWITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 400000000) SELECT count(*) FROM n;",
            "DROP TABLE b;");
        var before = await _project.Database.SnapshotAsync();

        using var process = Cli.Start(_project.Root, "up");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await _project.Database.CountAsync("SELECT count(*) FROM ratchet_lock") == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the runner never took the lock");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await Task.Delay(300, TestContext.Current.CancellationToken);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(before, await _project.Database.SnapshotAsync());
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        var again = await _project.RunAsync("up", "--lock-timeout", "2s");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.True(await _project.Database.TableExistsAsync("b"));
    }

    public void Dispose() => _project.Dispose();
}
