using System.Data.Common;
using Npgsql;
using Ratchet.Engines;

namespace Ratchet.PostgreSql;

/// <summary>Several revisions' transactions sent together: one pipeline, one round trip, each revision its own commit.</summary>
public sealed partial class PostgresEngine
{
    /// <summary>At most this many commands (the units' own, and five of Ratchet's for each) in one pipeline.</summary>
    private const int PipelineCommands = 1024;

    /// <inheritdoc />
    public bool SendsTransactionsTogether => true;

    /// <summary>
    /// Sends the units in pipelines of whole units: <c>BEGIN</c>, the unit's <c>lock_timeout</c>, its commands, a
    /// <c>SELECT</c> of the time since its transaction began (its server-side duration), <c>COMMIT</c> and a <c>SELECT</c>
    /// that shows it committed, for each. The
    /// server runs them in order; after an error it skips everything up to the pipeline's end, so the units before the
    /// failed one are committed and none after it ran. The failed unit's transaction is then rolled back. A unit too long
    /// for a pipeline, or with a generated procedure, runs on its own through <see cref="ExecuteTransactionAsync"/>.
    /// </summary>
    public async Task<TransactionsResult> ExecuteTransactionsAsync(DbConnection connection, IReadOnlyList<IReadOnlyList<BatchCommand>> units,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(units);
        var committed = new List<TimeSpan>(units.Count);
        var start = 0;
        while (start < units.Count)
        {
            var end = start;
            var size = 0;
            while (end < units.Count && FitsOnePipeline(units[end]) && size + units[end].Count + 5 <= PipelineCommands)
            {
                size += units[end].Count + 5;
                end++;
            }

            var failure = end == start
                ? await AloneAsync(connection, units[start], committed, cancellationToken).ConfigureAwait(false)
                : await PipelineAsync((NpgsqlConnection)connection, units, start, end, committed, cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return new TransactionsResult(committed, failure);
            }

            start = Math.Max(end, start + 1);
        }

        return new TransactionsResult(committed, null);
    }

    private async Task<Exception?> AloneAsync(DbConnection connection, IReadOnlyList<BatchCommand> unit, List<TimeSpan> committed,
        CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await ExecuteTransactionAsync(connection, unit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StatementFailedException or OperationCanceledException)
        {
            return e;
        }

        committed.Add(stopwatch.Elapsed);
        return null;
    }

    private async Task<Exception?> PipelineAsync(NpgsqlConnection connection, IReadOnlyList<IReadOnlyList<BatchCommand>> units,
        int start, int end, List<TimeSpan> committed, CancellationToken cancellationToken)
    {
        using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        var begins = new List<int>(end - start);
        var lockTimeout = LockTimeoutSetting("LOCAL ");
        // Ratchet's rows have column names no migration's own SELECT can be expected to return.
        var tag = Guid.NewGuid().ToString("N")[..12];
        var elapsed = "ratchet_elapsed_" + tag;
        var done = "ratchet_committed_" + tag;
        for (var u = start; u < end; u++)
        {
            begins.Add(batch.BatchCommands.Count);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand(lockTimeout));
            foreach (var command in units[u])
            {
                batch.BatchCommands.Add(ToNpgsql(command));
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT {Dialect.TransactionElapsedMilliseconds} AS {elapsed}"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT true AS {done}"));
        }

        // Two rows per unit (only SELECTs return rows): its duration, read before its COMMIT runs, and a row that only a
        // committed unit produces. The server sends results in order and stops at an error, so the rows read before
        // any failure (an error, a cancellation) say exactly which units committed.
        var durations = new List<TimeSpan>(end - start);
        var commits = 0;
        try
        {
            await WatchedAsync(connection, async () =>
            {
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    do
                    {
                        // A migration's own statements may return rows too (SELECT setval(...)): only the named ones count.
                        var name = reader.FieldCount == 1 ? reader.GetName(0) : null;
                        if ((name == elapsed || name == done) && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            if (name == elapsed)
                            {
                                durations.Add(TimeSpan.FromMilliseconds(reader.GetInt64(0)));
                            }
                            else
                            {
                                commits++;
                            }
                        }
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or LockTimeoutException or OperationCanceledException)
        {
            var failed = ServerError(e)?.BatchCommand;
            var at = failed is null ? -1 : batch.BatchCommands.IndexOf(failed);
            var unit = Math.Min(commits, begins.Count - 1);
            committed.AddRange(durations.Take(commits));
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            if (e is OperationCanceledException)
            {
                return e;
            }

            // The position among the unit's own commands: its statements, then its history rows; Ratchet's SELECT of the
            // duration counts with the history rows, its COMMIT (a deferred constraint) is the commit's. Without the failed
            // command (a lost connection), the next unit may have committed unseen: unknown.
            var index = at - begins[unit] - 2;
            var count = units[start + unit].Count;
            return new StatementFailedException(at < 0 ? StatementFailedException.Unknown
                : index == count + 1 ? StatementFailedException.AtCommit
                : index >= 0 && index <= count ? index
                : 0, e);
        }

        committed.AddRange(durations.Take(commits));
        return commits == end - start ? null : new StatementFailedException(StatementFailedException.Unknown,
            new InvalidOperationException($"the server confirmed {commits} of {end - start} commits"));
    }

    private static async Task RollbackQuietlyAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // The connection is gone: the server rolled the transaction back with it.
        }
    }
}
