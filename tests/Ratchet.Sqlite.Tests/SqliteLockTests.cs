using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.Revisions;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Sqlite.Tests;

/// <summary>The SQLite runner lock: an OS lock on a file beside the database, and a row naming the holder.</summary>
public sealed class SqliteLockTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _db = new();
    private readonly MigrationFolder _folder = new();

    public ValueTask InitializeAsync()
    {
        _folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        return ValueTask.CompletedTask;
    }

    private Migrator Migrator(TimeSpan lockTimeout) => new(_db.Engine, _folder.Graph(), new MigratorOptions { LockTimeout = lockTimeout });

    private async Task PlantHolderRowAsync(string host)
    {
        await using (await _db.Engine.AcquireRunnerLockAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken))
        {
            // Creates the table; the row is replaced below.
        }

        await _db.ExecuteAsync(
            $"INSERT OR REPLACE INTO ratchet_lock (id, pid, host, owner, acquired_at, token) VALUES (1, 4242, '{host}', 'ops@{host}', '2026-01-01 00:00:00Z', 'x')");
    }

    [Fact]
    public async Task A_row_left_by_a_runner_that_died_does_not_block_the_next_one()
    {
        await PlantHolderRowAsync("build-server-7");

        await Migrator(TimeSpan.FromSeconds(2)).UpAsync(Target.Head, TestContext.Current.CancellationToken);

        Assert.True(await _db.TableExistsAsync("a"));
        Assert.Equal(0, await _db.CountAsync("SELECT count(*) FROM ratchet_lock"));
    }

    [Fact]
    public async Task A_held_lock_times_out_naming_its_holder_and_applies_nothing()
    {
        await PlantHolderRowAsync("build-server-7");
        await using var held = new FileStream(_db.FilePath + ".ratchet-lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var error = await Assert.ThrowsAsync<LockNotAcquiredException>(
            () => Migrator(TimeSpan.FromMilliseconds(200)).UpAsync(Target.Head, TestContext.Current.CancellationToken));

        Assert.Contains("held by pid 4242 on build-server-7 (ops@build-server-7, since 2026-01-01 00:00:00Z)", error.Message, StringComparison.Ordinal);
        Assert.Equal(RatchetErrorKind.LockNotAcquired, error.Kind);
        Assert.False(await _db.TableExistsAsync("a"));
    }

    [Fact]
    public async Task A_runner_holding_the_lock_names_itself_to_those_waiting()
    {
        await using var held = await _db.Engine.AcquireRunnerLockAsync(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<LockNotAcquiredException>(
            () => Migrator(TimeSpan.FromMilliseconds(150)).UpAsync(Target.Head, TestContext.Current.CancellationToken));

        Assert.Contains($"held by pid {Environment.ProcessId} on {Environment.MachineName}", error.Message, StringComparison.Ordinal);
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
