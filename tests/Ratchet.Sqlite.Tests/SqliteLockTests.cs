using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Revisions;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Sqlite.Tests;

/// <summary>The SQLite lock row: named holders, takeover from dead processes, release.</summary>
public sealed class SqliteLockTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _db = new();
    private readonly MigrationFolder _folder = new();

    public ValueTask InitializeAsync()
    {
        _folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        return ValueTask.CompletedTask;
    }

    private async Task PlantLockRowAsync(int pid, string host, long startTicks)
    {
        await using (await _db.Engine.AcquireRunnerLockAsync(TimeSpan.FromSeconds(1), CancellationToken.None))
        {
            // Creates the table; the row is replaced below.
        }

        await _db.ExecuteAsync(
            $"INSERT INTO ratchet_lock (id, pid, host, process_start, owner, acquired_at, token) VALUES (1, {pid}, '{host}', {startTicks}, 'ops@{host}', '2026-01-01 00:00:00Z', 'x')");
    }

    [Fact]
    public async Task A_lock_left_by_a_process_that_is_gone_is_taken_over()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync(TestContext.Current.CancellationToken);
        await PlantLockRowAsync(gone.Id, RunnerIdentity.Host, DateTime.UtcNow.Ticks);

        await new Migrator(_db.Engine, _folder.Graph(), new MigratorOptions { LockTimeout = TimeSpan.FromSeconds(2) }).UpAsync(Target.Head, TestContext.Current.CancellationToken);

        Assert.True(await _db.TableExistsAsync("a"));
        Assert.Equal(0, await _db.CountAsync("SELECT count(*) FROM ratchet_lock"));
    }

    [Fact]
    public async Task A_lock_held_from_another_host_times_out_naming_it_and_applies_nothing()
    {
        await PlantLockRowAsync(4242, "build-server-7", 1);

        var migrator = new Migrator(_db.Engine, _folder.Graph(), new MigratorOptions { LockTimeout = TimeSpan.FromMilliseconds(200) });
        var error = await Assert.ThrowsAsync<LockNotAcquiredException>(() => migrator.UpAsync(Target.Head, TestContext.Current.CancellationToken));

        Assert.Contains("pid 4242 on build-server-7 (ops@build-server-7, since 2026-01-01 00:00:00Z)", error.Message, StringComparison.Ordinal);
        Assert.Equal(RatchetErrorKind.LockNotAcquired, error.Kind);
        Assert.False(await _db.TableExistsAsync("a"));
    }

    [Fact]
    public async Task Status_of_a_database_that_does_not_exist_creates_nothing()
    {
        var status = await new Migrator(_db.Engine, _folder.Graph()).StatusAsync(TestContext.Current.CancellationToken);

        Assert.False(status.DatabaseExists);
        Assert.Single(status.Pending);
        Assert.False(File.Exists(_db.FilePath));
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _folder.Dispose();
    }
}
