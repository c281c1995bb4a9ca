using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;
using Ratchet.Engines;
using Ratchet.Revisions;
using Ratchet.Safety.Tracing;

namespace Ratchet.PostgreSql;

/// <summary>
/// Runs a revision statement by statement in one transaction on a scratch database and looks after each statement: the
/// backend's new relation locks (<c>pg_locks</c>), tables whose <c>relfilenode</c> changed (rewrites), sequential scans
/// counted in <c>pg_stat_xact_user_tables</c> or announced by the server (<c>verifying table</c> at
/// <c>client_min_messages = debug1</c>), indexes left invalid. Then it rolls back.
/// </summary>
internal static partial class PostgresLockTracer
{
    private const string Tables = """
        SELECT c.relname, c.relfilenode::bigint FROM pg_catalog.pg_class c
        WHERE c.relnamespace = to_regnamespace(current_schema()) AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'ratchet\_%'
        """;

    private const string Locks = """
        SELECT c.relname, l.mode FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_class c ON c.oid = l.relation
        WHERE l.pid = pg_backend_pid() AND l.locktype = 'relation' AND l.granted
          AND c.relnamespace = to_regnamespace(current_schema()) AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE 'ratchet\_%'
        """;

    private const string Scans = "SELECT relname, coalesce(seq_scan, 0) FROM pg_catalog.pg_stat_xact_user_tables WHERE schemaname = current_schema()";

    private const string Invalid = """
        SELECT c.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
        WHERE NOT i.indisvalid AND c.relnamespace = to_regnamespace(current_schema())
        """;

    public static async Task<IReadOnlyList<StatementTrace>> TraceAsync(PostgresEngine engine, NpgsqlConnection connection, Revision revision, TimeSpan lockTimeout,
        CancellationToken cancellationToken)
    {
        var statements = revision.Up.Render(engine.Dialect);
        var notices = new List<string>();
        void OnNotice(object? sender, NpgsqlNoticeEventArgs e) => notices.Add(e.Notice.MessageText);
        connection.Notice += OnNotice;
        var traces = new List<StatementTrace>();
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var existing = (await PairsAsync(connection, Tables, cancellationToken).ConfigureAwait(false)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            await connection.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"SET LOCAL lock_timeout = {(long)lockTimeout.TotalMilliseconds}"), transaction, cancellationToken)
                .ConfigureAwait(false);
            var held = new List<(string Table, string Mode)>();
            foreach (var statement in statements)
            {
                var files = (await PairsAsync(connection, Tables, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var scans = (await PairsAsync(connection, Scans, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var invalid = (await PairsAsync(connection, Invalid, cancellationToken, withValue: false).ConfigureAwait(false)).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
                var timeout = Milliseconds((string?)await connection.ScalarAsync("SHOW lock_timeout", transaction, cancellationToken).ConfigureAwait(false));
                await connection.ExecuteAsync("SET LOCAL client_min_messages = debug1", transaction, cancellationToken).ConfigureAwait(false);
                notices.Clear();
                try
                {
                    await connection.ExecuteAsync(statement.Sql, transaction, cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException e)
                {
                    throw new RatchetException(RatchetErrorKind.MigrationFailed,
                        $"{revision.Source.File}:{statement.Line}: revision {revision.Id} failed on the trace database: {engine.DescribeError(e)}", e);
                }

                var heard = notices.ToList();
                await connection.ExecuteAsync("SET LOCAL client_min_messages = notice", transaction, cancellationToken).ConfigureAwait(false);
                var locks = (await PairsTextAsync(connection, Locks, cancellationToken).ConfigureAwait(false)).Distinct().ToList();
                var filesAfter = (await PairsAsync(connection, Tables, cancellationToken).ConfigureAwait(false)).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var scansAfter = await PairsAsync(connection, Scans, cancellationToken).ConfigureAwait(false);
                var invalidAfter = (await PairsAsync(connection, Invalid, cancellationToken, withValue: false).ConfigureAwait(false)).Select(p => p.Name);
                var verified = heard.Select(n => Verifying().Match(n)).Where(m => m.Success).Select(m => m.Groups[1].Value);
                traces.Add(new StatementTrace
                {
                    Revision = revision.Id,
                    File = revision.Source.File,
                    Line = statement.Line,
                    Statement = Safety.Parsing.SqlParser.Short(statement.Sql),
                    Locks = locks.Except(held).ToList(),
                    Rewritten = filesAfter.Where(f => files.TryGetValue(f.Key, out var was) && was != f.Value).Select(f => f.Key).Order(StringComparer.Ordinal).ToList(),
                    Scanned = scansAfter.Where(s => s.Value > scans.GetValueOrDefault(s.Name)).Select(s => s.Name).Concat(verified).Distinct().Order(StringComparer.Ordinal).ToList(),
                    InvalidIndexes = invalidAfter.Where(i => !invalid.Contains(i)).Order(StringComparer.Ordinal).ToList(),
                    LockTimeoutMs = timeout,
                    HeldBefore = held.Where(h => Safety.Tracing.TraceRules.Blocking.Contains(h.Mode) && existing.Contains(h.Table)).ToList(),
                    Existing = existing,
                });
                held = locks;
            }
        }
        finally
        {
            connection.Notice -= OnNotice;
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return traces;
    }

    private static long Milliseconds(string? setting)
    {
        var m = Setting().Match(setting ?? "0");
        if (!m.Success)
        {
            return 0;
        }

        var n = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch
        {
            "s" => n * 1000,
            "min" => n * 60_000,
            "h" => n * 3_600_000,
            "d" => n * 86_400_000,
            _ => n,
        };
    }

    private static async Task<List<(string Name, long Value)>> PairsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, bool withValue = true)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetString(0), withValue ? reader.GetInt64(1) : 0));
        }

        return rows;
    }

    private static async Task<List<(string Table, string Mode)>> PairsTextAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add((reader.GetString(0), reader.GetString(1)));
        }

        return rows;
    }

    [GeneratedRegex("verifying table \"([^\"]+)\"")]
    private static partial Regex Verifying();

    [GeneratedRegex(@"^\s*(\d+)\s*(ms|s|min|h|d)?\s*$")]
    private static partial Regex Setting();
}
