using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Ratchet.Engines;

namespace Ratchet.Sqlite;

/// <summary>
/// One runner at a time on a SQLite file: a row in <c>ratchet_lock</c>, claimed under <c>BEGIN IMMEDIATE</c> so two
/// runners cannot both see it free. The row names its holder (pid, host, process start); a row left by a process
/// that is no longer running on this host is taken over, so a killed runner does not block the next one.
/// </summary>
internal sealed class SqliteRunnerLock : IAsyncDisposable
{
    private const string CreateTable =
        """
        CREATE TABLE IF NOT EXISTS ratchet_lock (
            id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
            pid INTEGER NOT NULL,
            host TEXT NOT NULL,
            process_start INTEGER NOT NULL,
            owner TEXT NOT NULL,
            acquired_at TEXT NOT NULL,
            token TEXT NOT NULL
        )
        """;

    private readonly SqliteEngine _engine;
    private readonly string _token;

    private SqliteRunnerLock(SqliteEngine engine, string token)
    {
        _engine = engine;
        _token = token;
    }

    public static async Task<IAsyncDisposable> AcquireAsync(SqliteEngine engine, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        var holder = "another process";
        var token = Guid.NewGuid().ToString("N");
        while (true)
        {
            var claimed = await TryClaimAsync(engine, token, cancellationToken).ConfigureAwait(false);
            if (claimed is null)
            {
                return new SqliteRunnerLock(engine, token);
            }

            holder = claimed;
            if (deadline.Elapsed >= timeout)
            {
                throw new LockNotAcquiredException(engine.DisplayName, timeout, holder);
            }

            var pause = TimeSpan.FromMilliseconds(Random.Shared.Next(20, 120));
            await Task.Delay(pause < timeout - deadline.Elapsed ? pause : timeout - deadline.Elapsed, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var connection = _engine.CreateConnection(busyTimeoutSeconds: 30);
        await connection.OpenAsync(CancellationToken.None).ConfigureAwait(false);
        using var command = connection.Command("DELETE FROM ratchet_lock WHERE id = 1 AND token = @token", null, 30, ("@token", _token));
        await command.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Claims the row; returns null when claimed, else a description of the holder.</summary>
    private static async Task<string?> TryClaimAsync(SqliteEngine engine, string token, CancellationToken cancellationToken)
    {
        using var connection = engine.CreateConnection(busyTimeoutSeconds: 1);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        SqliteTransaction transaction;
        try
        {
            transaction = connection.BeginTransaction(deferred: false);
        }
        catch (SqliteException e) when (IsBusy(e))
        {
            return "a process writing to the database";
        }

        using (transaction)
        {
            await connection.ExecuteAsync(CreateTable, transaction, cancellationToken).ConfigureAwait(false);
            using var read = connection.Command("SELECT pid, host, process_start, owner, acquired_at FROM ratchet_lock WHERE id = 1", transaction);
            using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var pid = reader.GetInt32(0);
                var host = reader.GetString(1);
                var start = reader.GetInt64(2);
                var description = $"pid {pid} on {host} ({reader.GetString(3)}, since {reader.GetString(4)})";
                if (IsAlive(pid, host, start))
                {
                    return description;
                }
            }

            await reader.DisposeAsync().ConfigureAwait(false);
            await connection.ExecuteAsync(
                "INSERT OR REPLACE INTO ratchet_lock (id, pid, host, process_start, owner, acquired_at, token) " +
                "VALUES (1, @pid, @host, @start, @owner, @at, @token)",
                transaction, cancellationToken,
                ("@pid", RunnerIdentity.ProcessId), ("@host", RunnerIdentity.Host), ("@start", RunnerIdentity.ProcessStart.Ticks),
                ("@owner", RunnerIdentity.UserAtHost), ("@at", DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture)),
                ("@token", token)).ConfigureAwait(false);
            transaction.Commit();
            return null;
        }
    }

    /// <summary>A holder on another host is presumed alive; on this host it is alive when its pid runs with the same start time.</summary>
    private static bool IsAlive(int pid, string host, long startTicks)
    {
        if (!string.Equals(host, RunnerIdentity.Host, StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            // Linux derives a start time from boot time and clock ticks, so two readings differ by milliseconds;
            // a reused pid would have started long after the holder did.
            var drift = Math.Abs(process.StartTime.ToUniversalTime().Ticks - startTicks);
            return !process.HasExited && drift < TimeSpan.FromSeconds(2).Ticks;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsBusy(SqliteException e) => e.SqliteErrorCode is 5 or 6; // SQLITE_BUSY, SQLITE_LOCKED
}
