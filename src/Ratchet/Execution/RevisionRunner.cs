using System.Data.Common;
using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Execution;

/// <summary>
/// Runs one step. A transactional revision runs its checks, statements and verifies and writes its history row in
/// one transaction: all of it commits or none. A non-transactional revision journals each statement as it
/// completes, so a failed run resumes at the failed statement.
/// </summary>
internal sealed class RevisionRunner(IDatabaseEngine engine, HistoryStore history, Action<MigrationEvent> emit)
{
    public async Task<TimeSpan> RunAsync(DbConnection connection, PlanStep step, int index, int count, HistoryEntry? partial,
        CancellationToken cancellationToken)
    {
        var script = step.Direction == Direction.Up ? step.Revision.Up : step.Revision.Down!;
        var statements = script.Render(engine.Dialect);
        emit(new StepStarted(step, index, count, statements.Count));
        var stopwatch = Stopwatch.StartNew();
        try
        {
            if (step.Revision.Transactional)
            {
                await RunInTransactionAsync(connection, step, statements, stopwatch, cancellationToken).ConfigureAwait(false);
            }
            else if (step.Direction == Direction.Up)
            {
                await RunJournaledAsync(connection, step, statements, partial, stopwatch, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RunDownWithoutTransactionAsync(connection, step, statements, stopwatch, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RatchetException or OperationCanceledException)
        {
            await LogFailureAsync(connection, step, stopwatch, e.Message).ConfigureAwait(false);
            emit(new StepFailed(step, index, count, e.Message));
            throw;
        }

        emit(new StepCompleted(step, index, count, stopwatch.Elapsed));
        return stopwatch.Elapsed;
    }

    private async Task RunInTransactionAsync(DbConnection connection, PlanStep step, IReadOnlyList<SqlStatement> statements,
        Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var revision = step.Revision;
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (step.Direction == Direction.Up)
            {
                await ConditionEvaluator.RequireAsync(connection, transaction, step, "check", revision.Checks, (e, q) => Failure(step, q, e), cancellationToken)
                    .ConfigureAwait(false);
            }

            for (var i = 0; i < statements.Count; i++)
            {
                await ExecuteAsync(connection, transaction, step, statements[i], cancellationToken).ConfigureAwait(false);
                emit(new StatementExecuted(step, i + 1, statements.Count, Skipped: false));
            }

            if (step.Direction == Direction.Up)
            {
                await ConditionEvaluator.RequireAsync(connection, transaction, step, "verify", revision.Verifies, (e, q) => Failure(step, q, e), cancellationToken)
                    .ConfigureAwait(false);
                var sequence = await history.NextSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                await history.InsertAsync(connection, transaction, HistoryRows.Entry(revision, HistoryState.Applied, sequence, stopwatch.Elapsed), cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                await history.DeleteAsync(connection, transaction, revision.Id, cancellationToken).ConfigureAwait(false);
            }

            await history.AppendLogAsync(connection, transaction, HistoryRows.Log(step, stopwatch.Elapsed), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch
        {
            await RollbackQuietlyAsync(transaction).ConfigureAwait(false);
            throw;
        }
    }

    private async Task RunJournaledAsync(DbConnection connection, PlanStep step, IReadOnlyList<SqlStatement> statements,
        HistoryEntry? partial, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var revision = step.Revision;
        var entry = partial;
        if (entry is null)
        {
            var sequence = await history.NextSequenceAsync(connection, null, cancellationToken).ConfigureAwait(false);
            entry = HistoryRows.Entry(revision, HistoryState.Running, sequence, stopwatch.Elapsed);
            await ConditionEvaluator.RequireAsync(connection, null, step, "check", revision.Checks, (e, q) => Failure(step, q, e), cancellationToken)
                .ConfigureAwait(false);
            await history.InsertAsync(connection, null, entry, cancellationToken).ConfigureAwait(false);
        }

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
                await ExecuteAsync(connection, null, step, statements[i], cancellationToken).ConfigureAwait(false);
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
            await ConditionEvaluator.RequireAsync(connection, null, step, "verify", revision.Verifies, (e, q) => Failure(step, q, e), cancellationToken)
                .ConfigureAwait(false);
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

    private async Task RunDownWithoutTransactionAsync(DbConnection connection, PlanStep step, IReadOnlyList<SqlStatement> statements,
        Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        for (var i = 0; i < statements.Count; i++)
        {
            await ExecuteAsync(connection, null, step, statements[i], cancellationToken).ConfigureAwait(false);
            emit(new StatementExecuted(step, i + 1, statements.Count, Skipped: false));
        }

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await history.DeleteAsync(connection, transaction, step.Revision.Id, cancellationToken).ConfigureAwait(false);
        await history.AppendLogAsync(connection, transaction, HistoryRows.Log(step, stopwatch.Elapsed), cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
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

    private async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, PlanStep step, SqlStatement statement,
        CancellationToken cancellationToken)
    {
        try
        {
            using var command = connection.Command(statement.Sql, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e)
        {
            throw Failure(step, statement, e);
        }
    }

    private MigrationFailedException Failure(PlanStep step, SqlStatement statement, Exception error) =>
        new(step, new SourceLocation(step.Revision.Source.File, statement.Line),
            error is DbException db ? engine.DescribeError(db) : error.Message, statement.Sql, error);

    private async Task LogFailureAsync(DbConnection connection, PlanStep step, Stopwatch stopwatch, string detail)
    {
        try
        {
            await history.AppendLogAsync(connection, null, HistoryRows.Log(step, stopwatch.Elapsed) with { Action = "fail", Detail = detail }, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The log is a record, not a gate: a lost connection must not hide the original failure.
        }
    }

    private static async Task RollbackQuietlyAsync(DbTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The connection is gone; the server rolls the transaction back itself.
        }
        catch (InvalidOperationException)
        {
            // Already completed or the connection is closed.
        }
    }
}
