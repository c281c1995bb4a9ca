using System.Data.Common;
using System.Diagnostics;
using Ratchet.Execution;

namespace Ratchet.Online;

/// <summary>
/// A backfill in keyset batches (by primary key, or by page), each batch one transaction that also writes the
/// checkpoint, so a killed run resumes after the last committed batch. The batch size adapts to the target batch
/// time; an optional pause between batches leaves room to the application; progress is an event per batch.
/// </summary>
internal sealed class Backfiller(IOnlineEngine online, OnlineStore store, OnlineOptions options, Action<MigrationEvent> emit)
{
    /// <summary>Runs the backfill to its end (true), or until the allowed batches are spent (false).</summary>
    public async Task<bool> RunAsync(DbConnection connection, string revisionId, OnlineStep step, OnlineStepProgress? progress, CancellationToken cancellationToken)
    {
        var spec = step.Backfill!;
        var unit = spec.Key.Count == 0 ? "pages" : "rows";
        var total = progress?.RowsTotal ?? await online.BackfillSizeAsync(connection, spec, cancellationToken).ConfigureAwait(false);
        var last = progress?.LastKeyValues;
        var done = progress?.RowsDone ?? 0;
        if (last is not null)
        {
            emit(new BackfillResumed(revisionId, step, spec.Display, string.Join(", ", last), done));
        }

        // A keyed backfill goes up to the highest key it finds now: the step's trigger already fills the rows written
        // since, so a stream of inserts cannot keep it running.
        var keyed = spec.Key.Count > 0;
        var end = keyed ? await online.BackfillEndAsync(connection, spec, cancellationToken).ConfigureAwait(false) : null;
        if (keyed && end is null)
        {
            return true;
        }

        var checkpoint = new BackfillCheckpoint(store.Table, revisionId, step.Key, total);
        var size = Math.Clamp(options.BatchSize, options.MinBatchSize, options.MaxBatchSize);
        var run = Stopwatch.StartNew();
        long doneThisRun = 0;
        for (var batches = 0; ; batches++)
        {
            if (options.MaxBatches is { } allowed && batches >= allowed)
            {
                emit(new BackfillPaused(revisionId, step, spec.Display, done, total));
                return false;
            }

            var loadWait = await WaitForLoadAsync(connection, cancellationToken).ConfigureAwait(false);
            var clock = Stopwatch.StartNew();
            var (next, written) = await online.BackfillBatchAsync(connection, spec, last, end, size, checkpoint, options.GentleLockTimeout, cancellationToken)
                .ConfigureAwait(false);
            var elapsed = clock.Elapsed;
            if (next is null)
            {
                return true;
            }

            done += written.Scanned;
            doneThisRun += written.Scanned;
            last = [.. next];
            var rate = doneThisRun / Math.Max(run.Elapsed.TotalSeconds, 0.001);
            var eta = rate > 0 && total > done ? TimeSpan.FromSeconds((total - done) / rate) : (TimeSpan?)null;
            emit(new BackfillProgress(revisionId, step, spec.Display, unit, done, Math.Max(total, done), written.Written, size, elapsed, rate, eta, loadWait));
            size = NextSize(size, elapsed);
            if (options.BatchPause > TimeSpan.Zero)
            {
                await Task.Delay(options.BatchPause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The load gate: waits while more than <see cref="OnlineOptions.MaxLoad"/> other sessions run a statement, looking
    /// again every fifth of a batch's target time, for at most <see cref="OnlineOptions.MaxLoadWait"/>; returns the wait.
    /// </summary>
    private async Task<TimeSpan> WaitForLoadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (options.MaxLoad is not { } limit || options.MaxLoadWait <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var pollEvery = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, options.BatchTime.Ticks / 5));
        var waited = Stopwatch.StartNew();
        while (await online.ActiveSessionsAsync(connection, cancellationToken).ConfigureAwait(false) > limit)
        {
            var left = options.MaxLoadWait - waited.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(pollEvery < left ? pollEvery : left, cancellationToken).ConfigureAwait(false);
        }

        return waited.Elapsed;
    }

    /// <summary>The next batch's size: scaled toward the target time (at most halved or doubled), within the bounds.</summary>
    private int NextSize(int size, TimeSpan elapsed)
    {
        var factor = Math.Clamp(options.BatchTime.TotalMilliseconds / Math.Max(elapsed.TotalMilliseconds, 1), 0.5, 2.0);
        return (int)Math.Clamp(size * factor, options.MinBatchSize, options.MaxBatchSize);
    }
}
