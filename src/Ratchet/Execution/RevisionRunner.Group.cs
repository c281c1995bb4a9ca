using System.Data.Common;
using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>
/// Runs of plain transactional revisions sent together: each is still its own transaction with its own history rows, but
/// an engine that can (PostgreSQL) sends a run of them in one round trip instead of one each. The first that fails stops
/// the run; it then goes through the one-revision path with that failure as its first try, so a lock timeout is retried
/// as usual and any other failure is reported exactly as when it runs alone.
/// </summary>
internal sealed partial class RevisionRunner
{
    /// <summary>At most this many revisions are sent together (progress is reported after each run).</summary>
    internal const int GroupSize = 32;

    /// <summary>
    /// Whether the step can be sent with its neighbours: a transactional revision that runs as one unit (no checks,
    /// verifies, pre-checks, row counts, own lock timeout or history row to replace) on an engine that sends units together.
    /// </summary>
    internal bool Groupable(PlanStep step, HistoryEntry? row, HistoryEntry? partial) =>
        engine.SendsTransactionsTogether && !step.Revision.Online && step.Revision.Transactional && partial is null &&
        Replaced(step, row) is null && RunsWhole(step) && Plain(step, Integrity(step));

    /// <summary>
    /// Runs the steps (each <see cref="Groupable"/>) in order, the first at 1-based plan position <c>index</c> of
    /// <c>count</c>. Returns the durations of the steps it ran: all of them, or those before one that failed and that one
    /// once a retry of it succeeded (the caller goes on after it); throws when that one fails for good.
    /// </summary>
    public async Task<IReadOnlyList<TimeSpan>> RunGroupAsync(DbConnection connection, IReadOnlyList<PlanStep> steps, int index, int count,
        IReadOnlyDictionary<string, HistoryEntry> rows, CancellationToken cancellationToken)
    {
        var statements = steps.Select(s => Script(s).Render(engine.Dialect)).ToList();
        var stopwatch = Stopwatch.StartNew();
        var units = steps.Select((s, i) => WholeRevision(s, statements[i], stopwatch)!.Commands).ToList();
        var result = await engine.ExecuteTransactionsAsync(connection, units, cancellationToken).ConfigureAwait(false);
        var durations = new List<TimeSpan>(steps.Count);
        for (var i = 0; i < result.Committed.Count; i++)
        {
            emit(new StepStarted(steps[i], index + i, count, statements[i].Count));
            for (var s = 0; s < statements[i].Count; s++)
            {
                emit(new StatementExecuted(steps[i], s + 1, statements[i].Count, Skipped: false));
            }

            emit(new StepCompleted(steps[i], index + i, count, result.Committed[i]));
            durations.Add(result.Committed[i]);
        }

        if (result.Failure is { } failure)
        {
            var k = result.Committed.Count;
            var step = steps[k];
            var firstTry = failure is StatementFailedException failed ? WholeFailure(step, statements[k], failed) : failure;
            durations.Add(await RunAsync(connection, step, index + k, count, rows.GetValueOrDefault(step.Revision.Id), partial: null,
                firstTry, cancellationToken).ConfigureAwait(false));
        }

        return durations;
    }
}
