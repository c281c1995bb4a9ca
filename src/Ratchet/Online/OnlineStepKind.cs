namespace Ratchet.Online;

/// <summary>How an online step runs.</summary>
public enum OnlineStepKind
{
    /// <summary>
    /// Statements in one transaction that take a lock conflicting with the application's reads or writes (ADD COLUMN,
    /// CREATE TRIGGER, the swap): under the short online lock timeout, retried with jittered backoff.
    /// </summary>
    Exclusive,

    /// <summary>
    /// Statements in one transaction whose lock lets reads and writes through (VALIDATE CONSTRAINT): under the longer
    /// gentle lock timeout, retried the same way.
    /// </summary>
    Gentle,

    /// <summary>One statement outside a transaction (CREATE or DROP INDEX CONCURRENTLY), under the gentle lock timeout.</summary>
    Concurrent,

    /// <summary>A batched, resumable backfill (<see cref="OnlineStep.Backfill"/>).</summary>
    Backfill,

    /// <summary>A query whose rows are data that would make a later step fail; any row stops the phase (exit 3).</summary>
    Precheck,
}
