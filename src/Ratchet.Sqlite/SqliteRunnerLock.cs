using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Ratchet.Engines;

namespace Ratchet.Sqlite;

/// <summary>
/// One runner at a time on a SQLite file. The lock itself is an exclusive OS lock (<c>flock</c>) on a file next to
/// the database, <c>&lt;db&gt;.ratchet-lock</c>: the kernel releases it when its process dies, however it dies,
/// with no guessing from pids across hosts or containers. The holder writes who it is into the one row of
/// <c>ratchet_lock</c> (under <c>BEGIN IMMEDIATE</c>), so a runner that has to wait can name it.
/// </summary>
internal sealed class SqliteRunnerLock : IAsyncDisposable
{
    private const string Table = "ratchet_lock";

    private static readonly SemaphoreSlim InMemory = new(1, 1);

    private readonly SqliteEngine _engine;
    private readonly FileStream? _file;
    private readonly string _token;

    private SqliteRunnerLock(SqliteEngine engine, FileStream? file, string token)
    {
        _engine = engine;
        _file = file;
        _token = token;
    }

    /// <summary>The lock file of a database file.</summary>
    public static string LockFileOf(string databasePath) => databasePath + ".ratchet-lock";

    public static async Task<IAsyncDisposable> AcquireAsync(SqliteEngine engine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        if (engine.FilePath is null)
        {
            // An in-memory database lives in this process only.
            if (!await InMemory.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
            {
                throw new LockNotAcquiredException(engine.DisplayName, timeout, "another runner in this process");
            }

            return new SqliteRunnerLock(engine, null, token);
        }

        var waited = Stopwatch.StartNew();
        while (true)
        {
            var file = TryLock(LockFileOf(engine.FilePath));
            if (file is not null)
            {
                var held = new SqliteRunnerLock(engine, file, token);
                try
                {
                    await held.RecordHolderAsync(cancellationToken).ConfigureAwait(false);
                    return held;
                }
                catch
                {
                    await held.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
            }

            if (waited.Elapsed >= timeout)
            {
                throw new LockNotAcquiredException(engine.DisplayName, timeout, await DescribeHolderAsync(engine, cancellationToken).ConfigureAwait(false));
            }

            var pause = TimeSpan.FromMilliseconds(Random.Shared.Next(20, 120));
            await Task.Delay(pause < timeout - waited.Elapsed ? pause : timeout - waited.Elapsed, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_file is not null)
            {
                using var connection = _engine.CreateConnection(busyTimeoutSeconds: 30);
                await connection.OpenAsync(CancellationToken.None).ConfigureAwait(false);
                await connection.ExecuteAsync($"DELETE FROM {Table} WHERE id = 1 AND token = @token", null, CancellationToken.None, ("@token", _token))
                    .ConfigureAwait(false);
            }
        }
        catch (SqliteException)
        {
            // The row only names the holder; the lock is the file, released below.
        }
        finally
        {
            if (_file is null)
            {
                InMemory.Release();
            }
            else
            {
                await _file.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static FileStream? TryLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null; // Held by another process (or another runner in this one).
        }
    }

    private async Task RecordHolderAsync(CancellationToken cancellationToken)
    {
        using var connection = _engine.CreateConnection(busyTimeoutSeconds: 30);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {Table} (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), pid INTEGER NOT NULL, host TEXT NOT NULL, " +
            "owner TEXT NOT NULL, acquired_at TEXT NOT NULL, token TEXT NOT NULL)",
            transaction, cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(
            $"INSERT OR REPLACE INTO {Table} (id, pid, host, owner, acquired_at, token) VALUES (1, @pid, @host, @owner, @at, @token)",
            transaction, cancellationToken,
            ("@pid", RunnerIdentity.ProcessId), ("@host", RunnerIdentity.Host), ("@owner", RunnerIdentity.UserAtHost),
            ("@at", DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture)), ("@token", _token)).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> DescribeHolderAsync(SqliteEngine engine, CancellationToken cancellationToken)
    {
        const string Unnamed = "another ratchet runner (it has not recorded itself yet)";
        try
        {
            using var connection = engine.CreateConnection(busyTimeoutSeconds: 2);
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            using var read = connection.Command($"SELECT pid, host, owner, acquired_at FROM {Table} WHERE id = 1");
            using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? $"pid {reader.GetInt64(0)} on {reader.GetString(1)} ({reader.GetString(2)}, since {reader.GetString(3)})"
                : Unnamed;
        }
        catch (SqliteException)
        {
            return Unnamed; // No lock table yet, or the database is busy.
        }
    }
}
