using System.Data.Common;
using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Execution;

/// <summary>
/// Runs steps. A transactional revision runs its checks, statements and verifies and writes its history row in one
/// transaction: all of it commits or none. A non-transactional revision journals each statement as it completes
/// (RevisionRunner.Journal.cs), so a failed run resumes at the failed statement. A try that hits the engine's lock
/// timeout is rolled back and retried with jittered backoff (the whole revision, or outside a transaction the one
/// statement).
/// </summary>
internal sealed partial class RevisionRunner(IDatabaseEngine engine, HistoryStore history, LockRetryPolicy retry, Action<MigrationEvent> emit,
    Online.OnlineOptions? online = null)
{
    /// <param name="connection">The migration connection.</param>
    /// <param name="step">What to run.</param>
    /// <param name="index">Its 1-based position in the plan.</param>
    /// <param name="count">The plan's length.</param>
    /// <param name="row">The revision's history row, if it has one.</param>
    /// <param name="partial">The row of a run this one continues (a failed upgrade or downgrade), if any.</param>
    /// <param name="cancellationToken">Stops the run; the running transaction is rolled back.</param>
    public Task<TimeSpan> RunAsync(DbConnection connection, PlanStep step, int index, int count, HistoryEntry? row, HistoryEntry? partial,
        CancellationToken cancellationToken) =>
        RunAsync(connection, step, index, count, row, partial, firstTry: null, cancellationToken);

    /// <summary>
    /// As the public overload, with <paramref name="firstTry"/>: how a first try sent with other revisions failed
    /// (RevisionRunner.Group.cs), handled as this run's first try, so a lock timeout is retried within the same budget
    /// and any other failure is reported as is.
    /// </summary>
    private async Task<TimeSpan> RunAsync(DbConnection connection, PlanStep step, int index, int count, HistoryEntry? row, HistoryEntry? partial,
        Exception? firstTry, CancellationToken cancellationToken)
    {
        if (step.Revision.Online)
        {
            return await RunOnlineAsync(connection, step, index, count, cancellationToken).ConfigureAwait(false);
        }

        var statements = Script(step).Render(engine.Dialect);
        emit(new StepStarted(step, index, count, statements.Count));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var integrity = Integrity(step);
            if (step.Revision.Transactional)
            {
                var replaced = Replaced(step, row);
                var whole = replaced is null && Plain(step, integrity) ? WholeRevision(step, statements, stopwatch) : null;
                var before = await CountAsync(connection, integrity.Touched, cancellationToken).ConfigureAwait(false);
                await InTransactionAsync(connection, statements, whole, async transaction =>
                {
                    await ReplacePartialAsync(connection, transaction, replaced, cancellationToken).ConfigureAwait(false);
                    await ApplyInTransactionAsync(connection, transaction, step, statements, stopwatch, cancellationToken, integrity.Checks).ConfigureAwait(false);
                }, step, firstTry, cancellationToken).ConfigureAwait(false);
                if (integrity.Touched.Count > 0)
                {
                    ReportCounts(step, integrity.Touched, before, await CountAsync(connection, integrity.Touched, cancellationToken).ConfigureAwait(false));
                }
            }
            else if (step.Direction == Direction.Up)
            {
                var before = await CountAsync(connection, integrity.Touched, cancellationToken).ConfigureAwait(false);
                await RunJournaledAsync(connection, step, statements, partial, stopwatch, cancellationToken, integrity.Checks).ConfigureAwait(false);
                if (integrity.Touched.Count > 0)
                {
                    ReportCounts(step, integrity.Touched, before, await CountAsync(connection, integrity.Touched, cancellationToken).ConfigureAwait(false));
                }
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

    /// <summary>
    /// An online revision run whole (start then complete; <c>up --with-online</c>, verify's stairway), or reverted by the
    /// down its stored plan holds.
    /// </summary>
    private async Task<TimeSpan> RunOnlineAsync(DbConnection connection, PlanStep step, int index, int count, CancellationToken cancellationToken)
    {
        emit(new StepStarted(step, index, count, 0));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            var lifecycle = new Online.OnlineLifecycle(engine, history, online ?? new Online.OnlineOptions(), emit);
            if (step.Direction == Direction.Up)
            {
                await lifecycle.RunWholeAsync(connection, step.Revision, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await lifecycle.RevertAsync(connection, step.Revision, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RatchetException or OperationCanceledException)
        {
            emit(new StepFailed(step, index, count, e.Message));
            throw;
        }

        emit(new StepCompleted(step, index, count, stopwatch.Elapsed));
        return stopwatch.Elapsed;
    }

    /// <summary>Runs every step in one transaction: all commit, or none (<c>up --single-transaction</c>).</summary>
    public async Task<IReadOnlyList<TimeSpan>> RunBatchAsync(DbConnection connection, IReadOnlyList<PlanStep> steps,
        IReadOnlyDictionary<string, HistoryEntry> rows, CancellationToken cancellationToken)
    {
        var durations = new List<TimeSpan>(steps.Count);
        var current = 0;
        var stopwatch = new Stopwatch();
        var rendered = steps.Select(s => Script(s).Render(engine.Dialect)).ToList();
        try
        {
            await InTransactionAsync(connection, rendered.SelectMany(r => r).ToList(), null, async transaction =>
            {
                durations.Clear();
                for (current = 0; current < steps.Count; current++)
                {
                    var step = steps[current];
                    emit(new StepStarted(step, current + 1, steps.Count, rendered[current].Count));
                    stopwatch.Restart();
                    var replaced = rows.TryGetValue(step.Revision.Id, out var row) && !row.IsApplied ? row : null;
                    await ReplacePartialAsync(connection, transaction, replaced, cancellationToken).ConfigureAwait(false);
                    await ApplyInTransactionAsync(connection, transaction, step, rendered[current], stopwatch, cancellationToken, Integrity(step).Checks).ConfigureAwait(false);
                    durations.Add(stopwatch.Elapsed);
                }
            }, steps[0], firstTry: null, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// One try or more (on lock timeouts) of a transaction, inside the engine's revision scope. When the engine needs no
    /// scope and the revision is <paramref name="whole"/> (its statements and history rows, nothing to run in between),
    /// the engine runs that as one transaction of its own, which on PostgreSQL is one round trip.
    /// </summary>
    private Task InTransactionAsync(DbConnection connection, IReadOnlyList<SqlStatement> statements, WholeRun? whole, Func<DbTransaction, Task> work,
        PlanStep step, Exception? firstTry, CancellationToken cancellationToken) =>
        WithRetriesAsync(step, retryOnLockTimeout: true, firstTry, async () =>
        {
            var scope = await engine.PrepareRevisionAsync(connection, statements, cancellationToken).ConfigureAwait(false);
            await using var restoring = (scope ?? NoScope.Instance).ConfigureAwait(false);
            if (scope is null && whole is not null)
            {
                await RunWholeAsync(connection, step, statements, whole, cancellationToken).ConfigureAwait(false);
                return;
            }

            using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await work(transaction).ConfigureAwait(false);
                await (scope ?? NoScope.Instance).BeforeCommitAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                try
                {
                    await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (DbException e)
                {
                    throw CommitFailure(step, e);
                }
            }
            catch
            {
                await RollbackQuietlyAsync(transaction).ConfigureAwait(false);
                throw;
            }
        }, cancellationToken);

    /// <summary>The commands of a revision that runs as one unit: its statements, then its history rows.</summary>
    private sealed record WholeRun(IReadOnlyList<BatchCommand> Commands);

    /// <summary>
    /// The revision as one unit, when nothing has to run between its statements and its history rows: no check or verify
    /// queries, and the engine times the transaction itself (so the rows can be sent before the statements have run).
    /// </summary>
    private WholeRun? WholeRevision(PlanStep step, IReadOnlyList<SqlStatement> statements, Stopwatch stopwatch)
    {
        if (!RunsWhole(step))
        {
            return null;
        }

        var commands = statements.Select(s => new BatchCommand(s.Sql) { Procedure = s.Procedure }).ToList();
        commands.AddRange(HistoryCommands(step, stopwatch, serverDuration: true));
        return new WholeRun(commands);
    }

    private bool RunsWhole(PlanStep step) => engine.Dialect.TransactionElapsedMilliseconds is not null &&
        (step.Direction == Direction.Down || (step.Revision.Checks.Count == 0 && step.Revision.Verifies.Count == 0));

    private async Task RunWholeAsync(DbConnection connection, PlanStep step, IReadOnlyList<SqlStatement> statements, WholeRun whole, CancellationToken cancellationToken)
    {
        try
        {
            await engine.ExecuteTransactionAsync(connection, whole.Commands, cancellationToken).ConfigureAwait(false);
        }
        catch (StatementFailedException e)
        {
            throw WholeFailure(step, statements, e);
        }

        for (var i = 0; i < statements.Count; i++)
        {
            emit(new StatementExecuted(step, i + 1, statements.Count, Skipped: false));
        }
    }

    /// <summary>The failure of a revision run as one unit: its statement's, its commit's, or its history rows'.</summary>
    private RatchetException WholeFailure(PlanStep step, IReadOnlyList<SqlStatement> statements, StatementFailedException e) =>
        e.Index == StatementFailedException.AtCommit ? CommitFailure(step, e.InnerException!)
        : e.Index == StatementFailedException.Unknown
            ? new MigrationFailedException(step, new SourceLocation(step.Revision.Source.File, 0),
                "the connection failed while it was sent with other revisions, so whether it committed is not known here; its history " +
                $"row commits with it, so `ratchet status` tells: {e.InnerException?.Message}", "", e)
        : e.Index < statements.Count
            ? Failure(step, statements[e.Index], e.InnerException!)
            : new RatchetException(RatchetErrorKind.MigrationFailed,
                $"revision {step.Revision.Id} ran, but recording it in the history failed, so it was rolled back: {e.InnerException?.Message}", e);

    /// <summary>A commit the server refused (a deferred constraint or constraint trigger): the file, as no one statement is to blame.</summary>
    private MigrationFailedException CommitFailure(PlanStep step, Exception error) =>
        new(step, new SourceLocation(step.Revision.Source.File, 0),
            $"{(error is DbException db ? engine.DescribeError(db) : error.Message)} (when its transaction committed: a deferred constraint or trigger)",
            "COMMIT", error);

    /// <summary>The row a transactional upgrade replaces when it commits: a failed or part-way one, or a repeatable's.</summary>
    private static HistoryEntry? Replaced(PlanStep step, HistoryEntry? row) =>
        step.Direction == Direction.Up && (row is { IsApplied: false } || (row is not null && step.Revision.Repeatable)) ? row : null;

    /// <summary>Nothing runs between the revision's statements but the statements: no pre-checks, counts or own lock timeout.</summary>
    private static bool Plain(PlanStep step, (IReadOnlyList<Verification.Integrity.PreCheck> Checks, IReadOnlyList<string> Touched) integrity) =>
        integrity.Checks.Count == 0 && integrity.Touched.Count == 0 && step.Revision.StatementLockTimeout is null;

    /// <summary>A part-way row of an earlier, non-transactional version of the file is replaced when the revision commits.</summary>
    private Task ReplacePartialAsync(DbConnection connection, DbTransaction transaction, HistoryEntry? partial, CancellationToken cancellationToken) =>
        partial is null ? Task.CompletedTask : history.DeleteAsync(connection, transaction, partial.RevisionId, cancellationToken);

    private async Task ApplyInTransactionAsync(DbConnection connection, DbTransaction transaction, PlanStep step,
        IReadOnlyList<SqlStatement> statements, Stopwatch stopwatch, CancellationToken cancellationToken, IReadOnlyList<Verification.Integrity.PreCheck>? checks = null)
    {
        var revision = step.Revision;
        await engine.BeginRevisionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (step.Direction == Direction.Up)
        {
            await RequireAsync(connection, transaction, step, "check", revision.Checks, cancellationToken).ConfigureAwait(false);
        }

        // Where the engine can time the transaction itself, the history rows go in the same batch as the statements
        // (on PostgreSQL one round trip for the whole revision), unless verify queries have to run in between. Pre-checks
        // split the batch: each runs right before the statement it guards.
        var commands = statements.Select(s => new BatchCommand(s.Sql) { Procedure = s.Procedure }).ToList();
        var recordInBatch = engine.Dialect.TransactionElapsedMilliseconds is not null && (step.Direction == Direction.Down || revision.Verifies.Count == 0);
        var start = 0;
        foreach (var at in (checks ?? []).Select(c => c.Statement).Distinct().Order())
        {
            await BatchAsync(connection, transaction, step, statements, commands, start, at, cancellationToken).ConfigureAwait(false);
            await PreCheckAsync(connection, transaction, step, statements, checks!, at, cancellationToken).ConfigureAwait(false);
            start = at;
        }

        var rest = commands.Skip(start).ToList();
        if (recordInBatch)
        {
            rest.AddRange(HistoryCommands(step, stopwatch, serverDuration: true));
        }

        var (batch, offset) = WithOwnLockTimeout(revision, rest);
        try
        {
            await engine.ExecuteBatchAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (StatementFailedException e) when (e.Index >= offset && start + e.Index - offset < statements.Count)
        {
            throw Failure(step, statements[start + e.Index - offset], e.InnerException!);
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

    /// <summary>A revision's own lock timeout (<c>-- ratchet:lock-timeout</c>) for its statements outside a transaction.</summary>
    private async Task OwnLockTimeoutAsync(DbConnection connection, DbTransaction? transaction, Revision revision, CancellationToken cancellationToken)
    {
        if (revision.StatementLockTimeout is { } own && engine.Dialect.LockTimeoutStatement(own, local: transaction is not null) is { } sql)
        {
            await connection.ExecuteAsync(sql, transaction, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The batch with the revision's own lock timeout first (each batch the engine runs starts with the runner's
    /// <c>SET LOCAL lock_timeout</c>, so the revision's comes right after it), and how many commands that adds.
    /// </summary>
    private (List<BatchCommand> Batch, int Offset) WithOwnLockTimeout(Revision revision, List<BatchCommand> commands) =>
        revision.StatementLockTimeout is { } own && engine.Dialect.LockTimeoutStatement(own, local: true) is { } sql
            ? ([new BatchCommand(sql), .. commands], 1)
            : (commands, 0);

    /// <summary>Statements <c>[from, to)</c> as one batch.</summary>
    private async Task BatchAsync(DbConnection connection, DbTransaction transaction, PlanStep step, IReadOnlyList<SqlStatement> statements,
        List<BatchCommand> commands, int from, int to, CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            return;
        }

        var (batch, offset) = WithOwnLockTimeout(step.Revision, commands.Skip(from).Take(to - from).ToList());
        try
        {
            await engine.ExecuteBatchAsync(connection, transaction, batch, cancellationToken).ConfigureAwait(false);
        }
        catch (StatementFailedException e) when (e.Index >= offset)
        {
            throw Failure(step, statements[from + e.Index - offset], e.InnerException!);
        }
    }

    private IReadOnlyList<BatchCommand> HistoryCommands(PlanStep step, Stopwatch stopwatch, bool serverDuration) => step.Direction == Direction.Up
        ? history.AppliedCommands(HistoryRows.Entry(step.Revision, HistoryState.Applied, sequence: 0, stopwatch.Elapsed), HistoryRows.Log(step, stopwatch.Elapsed), serverDuration)
        : history.RevertedCommands(step.Revision.Id, HistoryRows.Log(step, stopwatch.Elapsed), serverDuration);

    private async Task WithRetriesAsync(PlanStep step, bool retryOnLockTimeout, Exception? firstTry, Func<Task> attempt, CancellationToken cancellationToken)
    {
        var seen = new BlockersSeen();
        for (var tries = 1; ; tries++)
        {
            try
            {
                if (tries == 1 && firstTry is not null)
                {
                    throw firstTry;
                }

                await attempt().ConfigureAwait(false);
                return;
            }
            catch (MigrationFailedException e) when (e.InnerException is LockTimeoutException timeout)
            {
                seen.Add(tries, timeout.Blockers);
                var giveUp = tries >= retry.MaxAttempts || !retryOnLockTimeout;
                if (giveUp)
                {
                    var why = retryOnLockTimeout ? $"{tries} time(s); gave up." : "not retried (a retry after a failed concurrent build meets its invalid index).";
                    throw new MigrationFailedException(step, e.Location,
                        $"{timeout.Message}, {why} " + seen.Describe(tries),
                        e.Statement, timeout);
                }

                var delay = retry.DelayAfter(tries);
                emit(new StepRetrying(step, tries, retry.MaxAttempts, delay, timeout.Blockers));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
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

    /// <summary>No engine scope around a revision.</summary>
    private sealed class NoScope : RevisionScope
    {
        public static NoScope Instance { get; } = new();

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
