using Npgsql;
using Ratchet.Engines;

namespace Ratchet.PostgreSql;

/// <summary>
/// Watches a waiting statement from a second connection and records the sessions blocking it
/// (<c>pg_blocking_pids</c>), so that a lock timeout can name them after the wait has ended.
/// </summary>
internal static class PostgresBlockers
{
    private const string Query = """
        SELECT format('pid %s (user %s, application %s, client %s, %s%s: %s)',
                      a.pid, a.usename, coalesce(nullif(a.application_name, ''), '?'), coalesce(host(a.client_addr), 'local socket'),
                      a.state, coalesce(' for ' || date_trunc('second', now() - a.xact_start)::text, ''), left(regexp_replace(a.query, '\s+', ' ', 'g'), 120))
        FROM pg_catalog.pg_stat_activity a
        WHERE a.pid = ANY (pg_catalog.pg_blocking_pids(@pid))
        ORDER BY a.pid
        """;

    /// <summary>Polls until cancelled, starting after <paramref name="firstLook"/>; returns the last blockers seen.</summary>
    public static async Task<IReadOnlyList<string>> WatchAsync(PostgresEngine engine, int pid, TimeSpan firstLook, CancellationToken stop)
    {
        IReadOnlyList<string> seen = [];
        try
        {
            // Most statements finish before the first look: wait without throwing when they do.
            await Task.Delay(firstLook, stop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stop.IsCancellationRequested)
            {
                return seen;
            }

            using var connection = await engine.OpenNpgsqlAsync(stop).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                var now = await ReadAsync(connection, pid, stop).ConfigureAwait(false);
                if (now.Count > 0)
                {
                    seen = now;
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(firstLook.TotalMilliseconds / 2, 25)), stop).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or NpgsqlException or RatchetException)
        {
            // Watching is best effort: the statement's own outcome is what counts.
        }

        return seen;
    }

    private static async Task<IReadOnlyList<string>> ReadAsync(NpgsqlConnection connection, int pid, CancellationToken cancellationToken)
    {
        using var command = connection.Command(Query, null, 0, ("@pid", pid));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var blockers = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            blockers.Add(DatabaseUrl.Redact(reader.GetString(0)));
        }

        return blockers;
    }
}
