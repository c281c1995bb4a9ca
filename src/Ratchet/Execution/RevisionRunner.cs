using System.Data.Common;
using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Execution;

/// <summary>
/// Runs steps. A transactional revision runs its checks, statements and verifies and writes its history row in one
/// transaction: all of it commits or none. A non-transactional revision journals each statement as it completes, so
/// a failed run resumes at the failed statement. A try that hits the engine's lock timeout is rolled back and retried
/// with jittered backoff (the whole revision, or outside a transaction the one statement).
/// </summary>
internal sealed class RevisionRunner(IDatabaseEngine engine, HistoryStore history, LockRetryPolicy retry, Action<MigrationEvent> emit)
{
    /// <param name="connection">The migration connection.</param>
    /// <param name="step">What to run.</param>
    /// <param name="index">Its 1-based position in the plan.</param>
    /// <param name="count">The plan's length.</param>
    /// <param name="row">The revision's history row, if it has one.</param>
    /// <param name="partial">The row of a run this one continues (a failed upgrade or downgrade), if any.</param>
    /// <param name="cancellationToken">Stops the run; the running transaction is rolled back.</param>
    public async Task<TimeSpan> RunAsync(DbConnection connection, PlanStep step, int index, int count, HistoryEntry? row, HistoryEntry? partial,
        CancellationToken cancellationToken)
    {
        var statements = Script(step).Render(engine.Dialect);
        emit(new StepStarted(step, index, count, statements.Count));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (step.Revision.Transactional)
            {
                await WithRetriesAsync(step, async () =>
                {
                    var restore = await engine.PrepareRevisionAsync(connection, statements, cancellationToken).ConfigureAwait(false);
                    await using var restoring = (restore ?? NoRestore.Instance).ConfigureAwait(false);
                    using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                    await CommitOrRollBackAsync(transaction, async () =>
                    {
                        if (step.Direction == Direction.Up && row is { IsApplied: false })
                        {
                            // A part-way run of an earlier, non-transactional version of this file: replaced on commit.
                            await history.DeleteAsync(connection, transaction, row.RevisionId, cancellationToken).ConfigureAwait(false);
                        }

                        await ApplyInTransactionAsync(connection, transaction, step, statements, stopwatch, cancellationToken).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
            }
            else if (step.Direction == Direction.Up)
            {
                await RunJournaledAsync(connection, step, statements, partial, stopwatch, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RunDownJournaledAsync(connection, step, statements, row, stopwatch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RatchetException or OperationCanceledException)
        {
            await ReportFailureAsync(connection, step, index, count, stopwatch, e).ConfigureAwait(false);
            throw;
        }

        emit(new StepCompleted(step, index, count, stopwatch.Elapsed));
        return stopwatch.Elapsed;
    }

    /// <summary>Runs every step in one transaction: all commit, or none (<c>up --single-transaction</c>).</summary>
    public async Task<IReadOnlyList<TimeSpan>> RunBatchAsync(DbConnection connection, IReadOnlyList<PlanStep> steps, CancellationToken cancellationToken)
    {
        var durations = new List<TimeSpan>(steps.Count);
        var current = 0;
        var stopwatch = new Stopwatch();
        try
        {
            await WithRetriesAsync(steps[0], async () =>
            {
                durations.Clear();
                var all = steps.SelectMany(s => Script(s).Render(engine.Dialect)).ToList();
                var restore = await engine.PrepareRevisionAsync(connection, all, cancellationToken).ConfigureAwait(false);
                await using var restoring = (restore ?? NoRestore.Instance).ConfigureAwait(false);
                using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await CommitOrRollBackAsync(transaction, async () =>
                {
                    for (current = 0; current < steps.Count; current++)
                    {
                        var step = steps[current];
                        var statements = Script(step).Render(engine.Dialect);
                        emit(new StepStarted(step, current + 1, steps.Count, statements.Count));
                        stopwatch.Restart();
                        await ApplyInTransactionAsync(connection, transaction, step, statements, stopwatch, cancellationToken).ConfigureAwait(false);
                        durations.Add(stopwatch.Elapsed);
                    }
                }).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RatchetException or OperationCanceledException)
        {
            await ReportFailureAsync(connection, steps[Math.Min(current, steps.Count - 1)], current + 1, steps.Count, stopwatch, e).ConfigureAwait(false);
            throw;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            emit(new StepCompleted(steps[i], i + 1, steps.Count, durations[i]));
        }

        return durations;
    }

    private async Task ApplyInTransactionAsync(DbConnection connection, DbTransaction transaction, PlanStep step,
        IReadOnlyList<SqlStatement> statements, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var revision = step.Revision;
        await engine.BeginRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (step.Direction == Direction.Up)
        {
            await RequireAsync(connection, transaction, step, "check", revision.Checks, cancellationToken).ConfigureAwait(false);
        }

        // Where the engine can time the transaction itself, the history rows go in the same batch as the statements
        // (on PostgreSQL one round trip for the whole revision), unless verify queries have to run in between.
        var commands = statements.Select(s => new BatchCommand(s.Sql) { Procedure = s.Procedure }).ToList();
        var recordInBatch = engine.Dialect.TransactionElapsedMilliseconds is not null && (step.Direction == Direction.Down || revision.Verifies.Count == 0);
        if (recordInBatch)
        {
            commands.AddRange(HistoryCommands(step, stopwatch, serverDuration: true));
        }

        try
        {
            await engine.ExecuteBatchAsync(connection, transaction, commands, cancellationToken).ConfigureAwait(false);
        }
        catch (StatementFailedException e) when (e.Index < statements.Count)
        {
            throw Failure(step, statements[e.Index], e.InnerException!);
        }
        catch (StatementFailedException e)
        {
            throw new RatchetException(RatchetErrorKind.MigrationFailed,
                $"revision {revision.Id} ran, but recording it in the history failed, so it was rolled back: {e.InnerException?.Message}", e);
        }

        for (var i = 0; i < statements.Count; i++)
        {
            emit(new StatementExecuted(step, i + 1, statements.Count, Skipped: false));
        }

        if (!recordInBatch)
        {
            if (step.Direction == Direction.Up)
            {
                await RequireAsync(connection, transaction, step, "verify", revision.Verifies, cancellationToken).ConfigureAwait(false);
            }

            foreach (var command in HistoryCommands(step, stopwatch, serverDuration: false))
            {
                await connection.ExecuteAsync(command.Sql, transaction, cancellationToken, [.. command.Parameters]).ConfigureAwait(false);
            }
        }
    }

    private IReadOnlyList<BatchCommand> HistoryCommands(PlanStep step, Stopwatch stopwatch, bool serverDuration) => step.Direction == Direction.Up
        ? history.AppliedCommands(HistoryRows.Entry(step.Revision, HistoryState.Applied, sequence: 0, stopwatch.Elapsed), HistoryRows.Log(step, stopwatch.Elapsed), serverDuration)
        : history.RevertedCommands(step.Revision.Id, HistoryRows.Log(step, stopwatch.Elapsed), serverDuration);

    private async Task RunJournaledAsync(DbConnection connection, PlanStep step, IReadOnlyList<SqlStatement> statements,
        HistoryEntry? partial, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var revision = step.Revision;
        await engine.BeginRevisionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var entry = partial;
        if (entry is null)
        {
            var sequence = await history.NextSequenceAsync(connection, null, cancellationToken).ConfigureAwait(false);
            entry = HistoryRows.Entry(revision, HistoryState.Running, sequence, stopwatch.Elapsed);
            await RequireAsync(connection, null, step, "check", revision.Checks, cancellationToken).ConfigureAwait(false);
            await history.InsertAsync(connection, null, entry, cancellationToken).ConfigureAwait(false);
        }

        RequireNoProcedures(step, statements);
        var done = entry.Journal.ToHashSet(StringComparer.Ordinal);
        var journal = entry.Journal.ToList();
        var keys = StatementKeys(statements);
        for (var i = 0; i < statements.Count; i++)
        {
            if (done.Contains(keys[i]))
            {
                emit(new StatementExecuted(step, i + 1, statements.Count, Skipped: true));
                continue;
            }

            try
            {
                var statement = statements[i];
                await WithRetriesAsync(step, () => ExecuteAsync(connection, null, step, statement, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (MigrationFailedException failure)
            {
                var failed = entry with { State = HistoryState.Failed, Journal = journal, Error = $"line {statements[i].Line}: {failure.Error}" };
                await history.UpdateAsync(connection, null, failed, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            journal.Add(keys[i]);
            entry = entry with { State = HistoryState.Running, Journal = journal.ToList(), Error = null };
            await history.UpdateAsync(connection, null, entry, CancellationToken.None).ConfigureAwait(false);
            emit(new StatementExecuted(step, i + 1, statements.Count, Skipped: false));
        }

        try
        {
            await RequireAsync(connection, null, step, "verify", revision.Verifies, cancellationToken).ConfigureAwait(false);
        }
        catch (RatchetException e)
        {
            await history.UpdateAsync(connection, null, entry with { State = HistoryState.Failed, Error = e.Message }, CancellationToken.None)
                .ConfigureAwait(false);
            throw;
        }

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var applied = HistoryRows.Entry(revision, HistoryState.Applied, entry.Sequence, stopwatch.Elapsed) with { Journal = [], Error = null };
        await history.UpdateAsync(connection, transaction, applied, cancellationToken).ConfigureAwait(false);
        await history.AppendLogAsync(connection, transaction, HistoryRows.Log(step, stopwatch.Elapsed), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// The downgrade of a non-transactional revision, journaled like its upgrade: the row turns <c>reverting</c>, each
    /// completed statement is recorded, a failure leaves <c>revert_failed</c>, and the next <c>down</c> continues.
    /// </summary>
    private async Task RunDownJournaledAsync(DbConnection connection, PlanStep step, IReadOnlyList<SqlStatement> statements,
        HistoryEntry? row, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        RequireNoProcedures(step, statements);
        await engine.BeginRevisionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var resuming = row is { IsPartlyReverted: true };
        var entry = row is null
            ? null
            : row with { State = HistoryState.Reverting, Journal = resuming ? row.Journal : [], Error = null };
        if (entry is not null)
        {
            await history.UpdateAsync(connection, null, entry, CancellationToken.None).ConfigureAwait(false);
        }

        var done = (entry?.Journal ?? []).ToHashSet(StringComparer.Ordinal);
        var journal = (entry?.Journal ?? []).ToList();
        var keys = StatementKeys(statements);
        for (var i = 0; i < statements.Count; i++)
        {
            if (done.Contains(keys[i]))
            {
                emit(new StatementExecuted(step, i + 1, statements.Count, Skipped: true));
                continue;
            }

            var statement = statements[i];
            try
            {
                await WithRetriesAsync(step, () => ExecuteAsync(connection, null, step, statement, cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (MigrationFailedException failure) when (entry is not null)
            {
                var failed = entry with { State = HistoryState.RevertFailed, Journal = journal, Error = $"down, line {statement.Line}: {failure.Error}" };
                await history.UpdateAsync(connection, null, failed, CancellationToken.None).ConfigureAwait(false);
                throw;
            }

            journal.Add(keys[i]);
            if (entry is not null)
            {
                entry = entry with { Journal = journal.ToList() };
                await history.UpdateAsync(connection, null, entry, CancellationToken.None).ConfigureAwait(false);
            }

            emit(new StatementExecuted(step, i + 1, statements.Count, Skipped: false));
        }

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await history.RecordRevertedAsync(connection, transaction, step.Revision.Id, HistoryRows.Log(step, stopwatch.Elapsed), cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Procedures (SQLite's table rebuild) need the revision's transaction.</summary>
    private static void RequireNoProcedures(PlanStep step, IReadOnlyList<SqlStatement> statements)
    {
        if (statements.FirstOrDefault(s => s.Procedure is not null) is { } procedure)
        {
            throw new RatchetException(RatchetErrorKind.BadInput,
                $"{step.Revision.Source}: revision {step.Revision.Id} is `transaction off`, but `{procedure.Procedure!.Describe()}` needs a transaction");
        }
    }

    /// <summary>Nothing to restore after a revision.</summary>
    private sealed class NoRestore : IAsyncDisposable
    {
        public static NoRestore Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>A key per statement: its checksum and its occurrence, so a repeated statement is journaled twice.</summary>
    internal static List<string> StatementKeys(IReadOnlyList<SqlStatement> statements)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var keys = new List<string>(statements.Count);
        foreach (var statement in statements)
        {
            var hash = Checksum.OfSql(statement.Sql)[..16];
            seen[hash] = seen.GetValueOrDefault(hash) + 1;
            keys.Add($"{hash}#{seen[hash]}");
        }

        return keys;
    }

    private async Task WithRetriesAsync(PlanStep step, Func<Task> attempt, CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            try
            {
                await attempt().ConfigureAwait(false);
                return;
            }
            catch (MigrationFailedException e) when (e.InnerException is LockTimeoutException timeout)
            {
                if (tries >= retry.MaxAttempts)
                {
                    throw new MigrationFailedException(step, e.Location,
                        $"{timeout.Message}, {tries} time(s); gave up. " +
                        (timeout.Blockers.Count == 0 ? "No blocking session was seen." : "Blocking: " + string.Join("; ", timeout.Blockers)),
                        e.Statement, timeout);
                }

                var delay = retry.DelayAfter(tries);
                emit(new StepRetrying(step, tries, retry.MaxAttempts, delay, timeout.Blockers));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task CommitOrRollBackAsync(DbTransaction transaction, Func<Task> work)
    {
        try
        {
            await work().ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            await RollbackQuietlyAsync(transaction).ConfigureAwait(false);
            throw;
        }
    }

    private Task RequireAsync(DbConnection connection, DbTransaction? transaction, PlanStep step, string section,
        IReadOnlyList<SqlStatement> queries, CancellationToken cancellationToken) =>
        ConditionEvaluator.RequireAsync(connection, transaction, step, section, queries, (e, q) => Failure(step, q, e), cancellationToken);

    private async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, PlanStep step, SqlStatement statement,
        CancellationToken cancellationToken)
    {
        try
        {
            await engine.ExecuteStatementAsync(connection, transaction, statement.Sql, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or LockTimeoutException)
        {
            throw Failure(step, statement, e);
        }
    }

    private MigrationFailedException Failure(PlanStep step, SqlStatement statement, Exception error) =>
        new(step, new SourceLocation(step.Revision.Source.File, statement.Line),
            error is DbException db ? engine.DescribeError(db) : error.Message, statement.Sql, error);

    private static MigrationScript Script(PlanStep step) => step.Direction == Direction.Up ? step.Revision.Up : step.Revision.Down!;

    private async Task ReportFailureAsync(DbConnection connection, PlanStep step, int index, int count, Stopwatch stopwatch, Exception error)
    {
        try
        {
            await history.AppendLogAsync(connection, null, HistoryRows.Log(step, stopwatch.Elapsed) with { Action = "fail", Detail = error.Message },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The log is a record, not a gate: a lost connection must not hide the original failure.
        }

        emit(new StepFailed(step, index, count, error.Message));
    }

    private static async Task RollbackQuietlyAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The connection is gone or the transaction already ended; the server rolls it back itself.
        }
    }
}
