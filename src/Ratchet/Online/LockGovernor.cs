using System.Data.Common;
using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.Execution;

namespace Ratchet.Online;

/// <summary>
/// Runs a step's statements under a lock timeout and, when a lock is not granted in time, rolls back, waits a jittered
/// doubling delay and tries again, bounded both in tries and in total time; when it gives up, the error names the
/// sessions that held the lock. Rolling back between tries releases what the step held, so the application is never
/// queued behind a step for longer than one lock timeout.
/// </summary>
internal sealed class LockGovernor(IOnlineEngine online, OnlineOptions options, Action<MigrationEvent> emit)
{
    public async Task RunAsync(DbConnection connection, string revisionId, OnlineStep step, Func<IReadOnlyList<BatchCommand>> commands, bool transaction,
        TimeSpan lockTimeout, CancellationToken cancellationToken, Func<Task>? beforeEachTry = null)
    {
        var clock = Stopwatch.StartNew();
        var seen = new BlockersSeen();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (beforeEachTry is not null)
                {
                    await beforeEachTry().ConfigureAwait(false);
                }

                await online.ExecuteAsync(connection, commands(), transaction, lockTimeout, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (Timeout(e) is { } timeout)
            {
                var delay = options.DelayAfter(attempt);
                seen.Add(attempt, timeout.Blockers);
                if (attempt >= options.LockAttempts || clock.Elapsed + delay > options.LockBudget)
                {
                    throw new RatchetException(RatchetErrorKind.MigrationFailed,
                        $"revision {revisionId}: {step.Key} ({step.Description}): {timeout.Message}; tried {attempt} time(s) over " +
                        $"{clock.Elapsed.TotalSeconds:0.0} s and gave up. " +
                        seen.Describe(attempt), timeout)
                    {
                        Hints = ["nothing of this step was kept; run the same command again when the blocking sessions are gone (or raise [online] lock_attempts)"],
                    };
                }

                emit(new OnlineStepRetrying(revisionId, step, attempt, options.LockAttempts, delay, timeout.Blockers));
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static LockTimeoutException? Timeout(Exception e) => e as LockTimeoutException ?? e.InnerException as LockTimeoutException;
}
