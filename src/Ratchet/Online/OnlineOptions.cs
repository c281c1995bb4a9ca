namespace Ratchet.Online;

/// <summary>
/// How online revisions run: the lock governor (a short lock timeout for steps that would queue the application
/// behind them, jittered retries bounded in attempts and in time) and the backfill (batch time, pause, sizes).
/// </summary>
public sealed record OnlineOptions
{
    /// <summary>
    /// The lock timeout of steps whose lock conflicts with the application's reads or writes (default 100 ms): while
    /// such a step waits, every query on the table waits behind it, so the wait must stay short.
    /// </summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The lock timeout of steps whose lock lets reads and writes through (VALIDATE, concurrent index builds; default 30 s).</summary>
    public TimeSpan GentleLockTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Tries of a step that hit its lock timeout, the first included (default 30).</summary>
    public int LockAttempts { get; init; } = 30;

    /// <summary>The most time a step spends trying (default 5 min): it gives up at whichever bound comes first.</summary>
    public TimeSpan LockBudget { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The pause after the first failed try; it doubles after each, with full jitter (default 200 ms).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest pause between tries (default 5 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The time a backfill batch aims at (default 5 ms): rows it writes are locked that long at most, and the
    /// application's statements never queue long behind one batch for a core or the disk (bench/online: under load,
    /// 25 ms batches doubled the clients' p99 where 5 ms batches raised it by half).
    /// </summary>
    public TimeSpan BatchTime { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// The pause between backfill batches (default 15 ms, three times a batch): the application gets the server three
    /// quarters of the time. 0 runs the backfill flat out (for a quiet database, or a server with cores to spare; with a
    /// longer batch time, such as 25 ms, to spend less on each batch's commit).
    /// </summary>
    public TimeSpan BatchPause { get; init; } = TimeSpan.FromMilliseconds(15);

    /// <summary>
    /// The load gate: before each backfill batch, wait while more than this many other client sessions are running a
    /// statement (PostgreSQL's <c>pg_stat_activity</c>, state <c>active</c>), for at most <see cref="MaxLoadWait"/>.
    /// Default 0: a batch starts when no application statement is in flight, or when the wait is spent, so the backfill
    /// takes the server's idle moments. null turns the gate off (bench/online: on a 2-core server under 200 tx/s and a
    /// busy neighbour, the clients' p99 during the backfill went from 2.0x to 1.7x of the baseline).
    /// </summary>
    public int? MaxLoad { get; init; } = 0;

    /// <summary>The longest a batch waits at the load gate (default 20 ms): a backfill on a server that is never quiet still moves.</summary>
    public TimeSpan MaxLoadWait { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>The first batch's size in rows (pages for a table without a primary key; default 1,000).</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>The smallest batch (default 10).</summary>
    public int MinBatchSize { get; init; } = 10;

    /// <summary>The largest batch (default 100,000).</summary>
    public int MaxBatchSize { get; init; } = 100_000;

    /// <summary>Run at most this many backfill batches, then stop (start again continues from the checkpoint); null: no bound.</summary>
    public int? MaxBatches { get; init; }

    /// <summary>The pause after try <paramref name="attempt"/> (1-based): between half and all of the doubled delay.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var backoff = Math.Min(RetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 1), MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(backoff * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
