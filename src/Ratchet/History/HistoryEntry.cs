namespace Ratchet.History;

/// <summary>One row of <c>ratchet_history</c>: a revision applied (or partly applied) to this database.</summary>
public sealed record HistoryEntry
{
    /// <summary>The revision id.</summary>
    public required string RevisionId { get; init; }

    /// <summary>Its parents when it was applied.</summary>
    public IReadOnlyList<string> Parents { get; init; } = [];

    /// <summary>Its message.</summary>
    public string Message { get; init; } = "";

    /// <summary>The kind of source (<c>sql</c>, <c>csharp</c>).</summary>
    public string Kind { get; init; } = "sql";

    /// <summary>Applied, stamped, running or failed.</summary>
    public HistoryState State { get; init; }

    /// <summary>The checksum of the up script that ran.</summary>
    public string? ChecksumUp { get; init; }

    /// <summary>The checksum of the down script at the time.</summary>
    public string? ChecksumDown { get; init; }

    /// <summary>When it was applied (UTC).</summary>
    public DateTime AppliedAt { get; init; }

    /// <summary>Who applied it.</summary>
    public string AppliedBy { get; init; } = "";

    /// <summary>How long the up took.</summary>
    public long DurationMs { get; init; }

    /// <summary>The Ratchet version that applied it.</summary>
    public string ToolVersion { get; init; } = "";

    /// <summary>The order of application.</summary>
    public long Sequence { get; init; }

    /// <summary>For a non-transactional revision: the keys of the statements already done.</summary>
    public IReadOnlyList<string> Journal { get; init; } = [];

    /// <summary>For a failed revision: the failed statement's line and the server's error.</summary>
    public string? Error { get; init; }

    /// <summary>Whether the revision counts as applied (applied or stamped).</summary>
    public bool IsApplied => State is HistoryState.Applied or HistoryState.Stamped;

    /// <summary>Whether a downgrade of this revision stopped part-way (only <c>down</c> may continue it).</summary>
    public bool IsPartlyReverted => State is HistoryState.Reverting or HistoryState.RevertFailed;

    /// <summary>The state as stored and shown: applied, stamped, running, failed, reverting, revert_failed.</summary>
    public string StateName => HistoryStore.StateName(State);
}
