using System.Data.Common;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>Non-transactional revisions: each statement commits on its own and is journaled as it completes.</summary>
internal sealed partial class RevisionRunner
{
    /// <summary>
    /// The upgrade: a <c>running</c> row, then each statement journaled; a failure leaves <c>failed</c> with the line and
    /// the error, and the next run skips what is done. Problems the revision leaves that were not there before it (an
    /// invalid index from a concurrent build that an <c>IF NOT EXISTS</c> retry would hide) fail it too.
    /// </summary>
    private async Task RunJournaledAsync(DbConnection connection, PlanStep step, IReadOnlyList<SqlStatement> statements,
        HistoryEntry? partial, Stopwatch stopwatch, CancellationToken cancellationToken, IReadOnlyList<Verification.Integrity.PreCheck>? checks = null)
    {
        var revision = step.Revision;
        await engine.BeginRevisionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        await OwnLockTimeoutAsync(connection, null, revision, cancellationToken).ConfigureAwait(false);
        var problemsBefore = (await engine.FindProblemsAsync(connection, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var entry = partial;
        if (entry is null)
        {
            var sequence = await history.NextSequenceAsync(connection, null, cancellationToken).ConfigureAwait(false);
            entry = HistoryRows.Entry(revision, HistoryState.Running, sequence, stopwatch.Elapsed);
            await RequireAsync(connection, null, step, "check", revision.Checks, cancellationToken).ConfigureAwait(false);
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

            var statement = statements[i];
            try
            {
                await PreCheckAsync(connection, null, step, statements, checks ?? [], i, cancellationToken).ConfigureAwait(false);
                await WithRetriesAsync(step, !IsConcurrent(statement), null, () => ExecuteAsync(connection, null, step, statement, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (MigrationFailedException failure)
            {
                var failed = entry with { State = HistoryState.Failed, Journal = journal, Error = $"line {statement.Line}: {failure.Error}" };
                await history.UpdateAsync(connection, null, failed, CancellationToken.None).ConfigureAwait(false);
                throw;
            }
            catch (Verification.Integrity.IntegrityViolationException violation)
            {
                var failed = entry with { State = HistoryState.Failed, Journal = journal, Error = $"line {statement.Line}: {violation.Message}" };
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
            var left = (await engine.FindProblemsAsync(connection, cancellationToken).ConfigureAwait(false)).Where(p => !problemsBefore.Contains(p)).ToList();
            if (left.Count > 0)
            {
                throw new RatchetException(RatchetErrorKind.MigrationFailed,
                    $"{revision.Source}: revision {revision.Id} ran, but left: {string.Join("; ", left)}");
            }
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
    /// The downgrade, journaled like the upgrade: the row turns <c>reverting</c>, each completed statement is recorded,
    /// a failure leaves <c>revert_failed</c>, and the next <c>down</c> continues.
    /// </summary>
    private async Task RunDownJournaledAsync(DbConnection connection, PlanStep step, IReadOnlyList<SqlStatement> statements,
        HistoryEntry? row, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        await engine.BeginRevisionAsync(connection, null, cancellationToken).ConfigureAwait(false);
        await OwnLockTimeoutAsync(connection, null, step.Revision, cancellationToken).ConfigureAwait(false);
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
                await WithRetriesAsync(step, !IsConcurrent(statement), null, () => ExecuteAsync(connection, null, step, statement, cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
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

    /// <summary>A concurrent build or drop is not retried after a lock timeout: it may have left an invalid index behind.</summary>
    private static bool IsConcurrent(SqlStatement statement) => ConcurrentlyPattern().IsMatch(statement.Sql);

    [GeneratedRegex(@"\bCONCURRENTLY\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ConcurrentlyPattern();
}
