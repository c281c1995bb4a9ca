using System.Data.Common;
using Npgsql;
using Ratchet.Engines;

namespace Ratchet.PostgreSql;

/// <summary>Several revisions' transactions sent together: one pipeline, one round trip, each revision its own commit.</summary>
public sealed partial class PostgresEngine
{
    /// <summary>At most this many commands (the units' own, and four of Ratchet's for each) in one pipeline.</summary>
    private const int PipelineCommands = 1024;

    /// <inheritdoc />
    public bool SendsTransactionsTogether => true;

    /// <summary>
    /// Sends the units in pipelines of whole units: <c>BEGIN</c>, the unit's <c>lock_timeout</c>, its commands, a
    /// <c>SELECT</c> of the time since its transaction began (its server-side duration) and <c>COMMIT</c>, for each. The
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
            while (end < units.Count && Pipelined(units[end]) && size + units[end].Count + 4 <= PipelineCommands)
            {
                size += units[end].Count + 4;
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

    private static bool Pipelined(IReadOnlyList<BatchCommand> unit) => unit.Count < BatchSize && unit.All(c => c.Procedure is null);

    private async Task<StatementFailedException?> AloneAsync(DbConnection connection, IReadOnlyList<BatchCommand> unit, List<TimeSpan> committed,
        CancellationToken cancellationToken)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await ExecuteTransactionAsync(connection, unit, cancellationToken).ConfigureAwait(false);
        }
        catch (StatementFailedException e)
        {
            return e;
        }

        committed.Add(stopwatch.Elapsed);
        return null;
    }

    private async Task<StatementFailedException?> PipelineAsync(NpgsqlConnection connection, IReadOnlyList<IReadOnlyList<BatchCommand>> units,
        int start, int end, List<TimeSpan> committed, CancellationToken cancellationToken)
    {
        using var batch = new NpgsqlBatch(connection) { Timeout = 0 };
        var begins = new List<int>(end - start);
        var lockTimeout = LockTimeoutSetting("LOCAL ");
        // The durations' column has a name no migration's own SELECT can be expected to return.
        var elapsed = "ratchet_elapsed_" + Guid.NewGuid().ToString("N")[..12];
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
        }

        // One row per unit (only the SELECTs return rows); a unit's row is read before its COMMIT has run, so a unit
        // counts as committed only once a later one has started or the pipeline has ended without an error.
        var durations = new List<TimeSpan>(end - start);
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
                        if (reader.FieldCount == 1 && reader.GetName(0) == elapsed && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            durations.Add(TimeSpan.FromMilliseconds(reader.GetInt64(0)));
                        }
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or LockTimeoutException)
        {
            var failed = (e as PostgresException ?? e.InnerException as PostgresException)?.BatchCommand;
            var at = failed is null ? -1 : batch.BatchCommands.IndexOf(failed);
            // Without the failed command (a lost connection), the first unit whose row was not read is the one that failed.
            var unit = at < 0 ? Math.Min(durations.Count, begins.Count - 1) : begins.FindLastIndex(b => b <= at);
            committed.AddRange(durations.Take(unit));
            await RollbackQuietlyAsync(connection).ConfigureAwait(false);
            // The position among the unit's own commands, or its COMMIT (a deferred constraint).
            var index = at - begins[unit] - 2;
            var count = units[start + unit].Count;
            return new StatementFailedException(index == count + 1 ? StatementFailedException.AtCommit : index >= 0 && index < count ? index : 0, e);
        }

        committed.AddRange(durations);
        return null;
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
