using Microsoft.Extensions.Logging;

namespace Ratchet.Execution;

/// <summary>How a <see cref="Migrator"/> runs.</summary>
public sealed record MigratorOptions
{
    /// <summary>How long to wait for another runner to release the lock (default 60 s).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How revisions that hit the engine's lock timeout are retried.</summary>
    public LockRetryPolicy LockRetry { get; init; } = new();

    /// <summary>Run every pending revision in one transaction (all must be transactional): all apply, or none.</summary>
    public bool SingleTransaction { get; init; }

    /// <summary>
    /// Compare the live schema with the one recorded after the last run before each run, and record it after (drift
    /// detection; default on). Off for scratch databases, which nobody changes by hand.
    /// </summary>
    public bool TrackSchema { get; init; } = true;

    /// <summary>How online revisions run: the lock governor and the backfill.</summary>
    public Online.OnlineOptions Online { get; init; } = new();

    /// <summary>
    /// Let <c>up</c> run online revisions whole (start, then complete) instead of refusing them: for a database no
    /// application uses (an empty or development database, a scratch database of <c>verify</c>).
    /// </summary>
    public bool RunOnline { get; init; }

    /// <summary>Where to log the run (plan, each revision, retries, failures); nothing is logged when null.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Receives progress events; called on the running thread, so keep it quick.</summary>
    public Action<MigrationEvent>? OnEvent { get; init; }
}
