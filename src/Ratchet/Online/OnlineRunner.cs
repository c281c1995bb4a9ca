using System.Data.Common;
using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.Execution;

namespace Ratchet.Online;

/// <summary>
/// Runs the steps of one phase of an online revision in order, skipping those an earlier run finished: statements in
/// a transaction that also marks the step done (under the lock governor), concurrent index builds (an invalid index
/// left by a failed build is dropped and built again; a valid one counts as done), pre-checks, and backfills.
/// </summary>
internal sealed class OnlineRunner(IOnlineEngine online, OnlineStore store, OnlineOptions options, Action<MigrationEvent> emit)
{
    private readonly LockGovernor _governor = new(online, options, emit);
    private readonly Backfiller _backfiller = new(online, store, options, emit);

    /// <summary>Runs the phase's steps; false when a bounded backfill stopped before its end.</summary>
    /// <exception cref="RatchetException">A step failed (exit 1), gave up on a lock (exit 1), or a pre-check found rows (exit 3).</exception>
    public async Task<bool> RunAsync(DbConnection connection, OnlineRecord record, OnlinePhase phase, CancellationToken cancellationToken)
    {
        var steps = record.Plan.Steps(phase);
        var id = record.RevisionId;
        emit(new OnlinePhaseStarted(id, phase, steps.Count, steps.Any(s => record.Steps.ContainsKey(s.Key))));
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (record.IsDone(step.Key))
            {
                emit(new OnlineStepCompleted(id, phase, step, i + 1, steps.Count, TimeSpan.Zero, Skipped: true));
                continue;
            }

            emit(new OnlineStepStarted(id, phase, step, i + 1, steps.Count));
            var clock = Stopwatch.StartNew();
            try
            {
                if (!await RunStepAsync(connection, record, step, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }
            }
            catch (Exception e) when (e is DbException or StatementFailedException)
            {
                var error = e as DbException ?? e.InnerException as DbException;
                throw new RatchetException(RatchetErrorKind.MigrationFailed,
                    $"revision {id}: {step.Key} ({step.Description}) failed: {error?.Message ?? e.Message}", e)
                {
                    Hints = [phase == OnlinePhase.Abort
                        ? "fix the cause and run `ratchet abort` again: it continues where it stopped"
                        : $"the steps before it are kept; fix the cause and run `ratchet {Verb(phase)}` again (it continues here), or `ratchet abort`"],
                };
            }

            emit(new OnlineStepCompleted(id, phase, step, i + 1, steps.Count, clock.Elapsed, Skipped: false));
        }

        return true;
    }

    private async Task<bool> RunStepAsync(DbConnection connection, OnlineRecord record, OnlineStep step, CancellationToken cancellationToken)
    {
        var id = record.RevisionId;
        switch (step.Kind)
        {
            case OnlineStepKind.Exclusive or OnlineStepKind.Gentle:
                var timeout = step.Kind == OnlineStepKind.Exclusive ? options.LockTimeout : options.GentleLockTimeout;
                await _governor.RunAsync(connection, id, step, () => [.. step.Sql.Select(s => new BatchCommand(s)), store.MarkDone(id, step.Key)],
                    transaction: true, timeout, cancellationToken).ConfigureAwait(false);
                return true;
            case OnlineStepKind.Concurrent:
                var skip = false;
                await _governor.RunAsync(connection, id, step, () => skip ? [] : [.. step.Sql.Select(s => new BatchCommand(s))], transaction: false,
                    options.GentleLockTimeout, cancellationToken, step.Index is null ? null : async () =>
                    {
                        switch (await online.IndexStateAsync(connection, step.Index, cancellationToken).ConfigureAwait(false))
                        {
                            case IndexState.Valid:
                                skip = true;
                                break;
                            case IndexState.Invalid:
                                // A build that failed or was killed leaves an invalid index that is still maintained: drop it, build again.
                                await online.ExecuteAsync(connection, [new BatchCommand($"DROP INDEX CONCURRENTLY IF EXISTS {step.Index}")], false,
                                    options.GentleLockTimeout, cancellationToken).ConfigureAwait(false);
                                break;
                        }
                    }).ConfigureAwait(false);
                await online.ExecuteAsync(connection, [store.MarkDone(id, step.Key)], true, options.GentleLockTimeout, cancellationToken).ConfigureAwait(false);
                return true;
            case OnlineStepKind.Precheck:
                var rows = await online.RowsAsync(connection, step.Sql[0], 5, cancellationToken).ConfigureAwait(false);
                if (rows.Count > 0)
                {
                    throw new RatchetException(RatchetErrorKind.CheckFailed,
                        $"revision {id}: {step.Key}: {step.Failure}: {string.Join("; ", rows)}{(rows.Count == 5 ? "; ..." : "")}")
                    {
                        Hints = ["nothing of this phase after the steps already done was run; fix the data, then run the same command again, or `ratchet abort`"],
                    };
                }

                return true;
            case OnlineStepKind.Backfill:
                record.Steps.TryGetValue(step.Key, out var progress);
                if (!await _backfiller.RunAsync(connection, id, step, progress, cancellationToken).ConfigureAwait(false))
                {
                    return false;
                }

                await online.ExecuteAsync(connection, [store.MarkDone(id, step.Key)], true, options.GentleLockTimeout, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                throw new InvalidOperationException($"unknown step kind {step.Kind}");
        }
    }

    public static string Verb(OnlinePhase phase) => phase switch
    {
        OnlinePhase.Start => "start",
        OnlinePhase.Complete => "complete",
        OnlinePhase.Abort => "abort",
        _ => "down",
    };
}
