using System.Data.Common;
using Ratchet.Engines;

namespace Ratchet.Online;

/// <summary>
/// What an engine that runs online revisions provides (PostgreSQL): the planner, which reads the live catalogs, and
/// the execution of steps under a given lock timeout, with the blocking sessions named when it runs out.
/// </summary>
public interface IOnlineEngine
{
    /// <summary>Plans the revision's operations against the live schema.</summary>
    /// <exception cref="RatchetException">An operation cannot run online here (bad input), naming it and why.</exception>
    Task<OnlinePlan> PlanAsync(DbConnection connection, string revisionId, IReadOnlyList<OnlineOperation> operations, CancellationToken cancellationToken);

    /// <summary>
    /// Runs commands in one transaction (or, with <paramref name="transaction"/> false, one statement on its own) with
    /// <c>lock_timeout</c> set to <paramref name="lockTimeout"/>.
    /// </summary>
    /// <exception cref="LockTimeoutException">A lock was not granted in time; it names the sessions that held it.</exception>
    /// <exception cref="StatementFailedException">A command failed; it says which.</exception>
    Task ExecuteAsync(DbConnection connection, IReadOnlyList<BatchCommand> commands, bool transaction, TimeSpan lockTimeout, CancellationToken cancellationToken);

    /// <summary>Whether an index exists, and whether it is valid (a failed concurrent build leaves it invalid).</summary>
    Task<IndexState> IndexStateAsync(DbConnection connection, string index, CancellationToken cancellationToken);

    /// <summary>Rows the query returns, each as text (a pre-check's offending rows), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<string>> RowsAsync(DbConnection connection, string query, int limit, CancellationToken cancellationToken);

    /// <summary>How many rows (or pages, when <paramref name="spec"/> has no key) a backfill will go through.</summary>
    Task<long> BackfillSizeAsync(DbConnection connection, BackfillSpec spec, CancellationToken cancellationToken);

    /// <summary>How many other client sessions are running a statement now (the backfill's load gate).</summary>
    Task<int> ActiveSessionsAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// The highest key of the table now (null when it is empty), where a keyed backfill stops: rows above it were
    /// written after the step's trigger was in place, which filled them.
    /// </summary>
    Task<IReadOnlyList<string>?> BackfillEndAsync(DbConnection connection, BackfillSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// One backfill batch in one transaction, its checkpoint in <paramref name="checkpoint"/> written by the same
    /// statement: up to <paramref name="size"/> rows (or pages) after <paramref name="after"/>, and for a keyed
    /// backfill none above <paramref name="upTo"/>.
    /// </summary>
    /// <returns>The new last key (null when nothing was left), and what the batch went through and wrote.</returns>
    Task<(IReadOnlyList<string>? Last, BatchRows Rows)> BackfillBatchAsync(DbConnection connection, BackfillSpec spec, IReadOnlyList<string>? after,
        IReadOnlyList<string>? upTo, int size, BackfillCheckpoint checkpoint, TimeSpan lockTimeout, CancellationToken cancellationToken);
}

/// <summary>Whether an index is there and usable.</summary>
public enum IndexState
{
    /// <summary>No such index.</summary>
    Missing,

    /// <summary>It exists but is not valid (an unfinished or failed concurrent build).</summary>
    Invalid,

    /// <summary>It exists and is valid.</summary>
    Valid,
}

/// <summary>What one backfill batch went through (rows, or pages when by page) and how many rows it wrote.</summary>
public readonly record struct BatchRows(long Scanned, long Written);

/// <summary>Where a backfill batch writes its checkpoint: the progress table, the revision and the step.</summary>
public sealed record BackfillCheckpoint(string Table, string RevisionId, string Step, long RowsTotal);
