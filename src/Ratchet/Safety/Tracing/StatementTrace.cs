namespace Ratchet.Safety.Tracing;

/// <summary>What one statement of a traced revision did on the scratch database.</summary>
public sealed record StatementTrace
{
    /// <summary>The revision.</summary>
    public required string Revision { get; init; }

    /// <summary>The migration file.</summary>
    public required string File { get; init; }

    /// <summary>The statement's line in the file.</summary>
    public required int Line { get; init; }

    /// <summary>The statement, shortened.</summary>
    public required string Statement { get; init; }

    /// <summary>The table locks the statement took (not held before it), as (table, mode) with PostgreSQL's mode names.</summary>
    public IReadOnlyList<(string Table, string Mode)> Locks { get; init; } = [];

    /// <summary>Tables rewritten (a new file under them).</summary>
    public IReadOnlyList<string> Rewritten { get; init; } = [];

    /// <summary>Tables read in full (sequential scans, or the server's "verifying table").</summary>
    public IReadOnlyList<string> Scanned { get; init; } = [];

    /// <summary>Indexes invalid after the statement that were valid (or missing) before it.</summary>
    public IReadOnlyList<string> InvalidIndexes { get; init; } = [];

    /// <summary>The lock_timeout in force when the statement ran, in milliseconds (0: none).</summary>
    public long LockTimeoutMs { get; init; }

    /// <summary>Blocking locks on existing tables held from earlier statements of the transaction when this one ran.</summary>
    public IReadOnlyList<(string Table, string Mode)> HeldBefore { get; init; } = [];

    /// <summary>The tables that existed before the revision.</summary>
    public IReadOnlySet<string> Existing { get; init; } = new HashSet<string>();
}
