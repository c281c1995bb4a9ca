using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Ratchet.Engines;

namespace Ratchet.PostgreSql;

/// <summary>
/// One runner at a time: a session-level advisory lock held on its own connection, so it never deadlocks with
/// <c>CREATE INDEX CONCURRENTLY</c> on the migration connection. A killed runner's session ends and frees it.
/// When the lock is busy, the holder is named from <c>pg_locks</c> and <c>pg_stat_activity</c>.
/// </summary>
internal sealed class PostgresAdvisoryLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly long _key;

    private PostgresAdvisoryLock(NpgsqlConnection connection, long key)
    {
        _connection = connection;
        _key = key;
    }

    public static async Task<IAsyncDisposable> AcquireAsync(PostgresEngine engine, long key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connection = await engine.OpenNpgsqlAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                var taken = await connection.ScalarAsync("SELECT pg_try_advisory_lock(@key)", null, cancellationToken, ("@key", key)).ConfigureAwait(false);
                if (taken is true)
                {
                    return new PostgresAdvisoryLock(connection, key);
                }

                if (waited.Elapsed >= timeout)
                {
                    throw new LockNotAcquiredException(engine.DisplayName, timeout, await DescribeHolderAsync(connection, key, cancellationToken).ConfigureAwait(false));
                }

                var pause = TimeSpan.FromMilliseconds(Random.Shared.Next(50, 250));
                await Task.Delay(pause < timeout - waited.Elapsed ? pause : timeout - waited.Elapsed, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _connection.ScalarAsync("SELECT pg_advisory_unlock(@key)", null, CancellationToken.None, ("@key", _key)).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The session is gone, and with it the lock.
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<string> DescribeHolderAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        const string Holder = """
            SELECT a.pid, coalesce(nullif(a.application_name, ''), '?'), coalesce(host(a.client_addr), 'local socket'),
                   a.usename, to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS"Z"')
            FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = @hi AND l.objid::bigint = @lo AND l.objsubid = 1
            """;
        using var command = connection.Command(Holder, null, 0, ("@hi", (key >> 32) & 0xFFFFFFFFL), ("@lo", key & 0xFFFFFFFFL));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return "a session that has just released it";
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"pid {reader.GetInt32(0)}, application {reader.GetString(1)}, client {reader.GetString(2)}, user {reader.GetString(3)}, connected since {reader.GetString(4)}");
    }
}
