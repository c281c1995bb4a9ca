namespace Ratchet.Online;

/// <summary>One step of a phase of an online revision, with its SQL rendered when the revision was planned.</summary>
public sealed record OnlineStep
{
    /// <summary>A key unique in the plan (<c>start.03</c>): the step's progress row in <c>ratchet_online</c>.</summary>
    public required string Key { get; init; }

    /// <summary>How it runs.</summary>
    public required OnlineStepKind Kind { get; init; }

    /// <summary>What it does, for people (<c>add column orders._ratchet_new_id bigint</c>).</summary>
    public required string Description { get; init; }

    /// <summary>The statements (one for a concurrent step; the query of a pre-check).</summary>
    public IReadOnlyList<string> Sql { get; init; } = [];

    /// <summary>A concurrent index build: the index (qualified), checked before a retry (valid: done; invalid: dropped and rebuilt).</summary>
    public string? Index { get; init; }

    /// <summary>A backfill: what it writes.</summary>
    public BackfillSpec? Backfill { get; init; }

    /// <summary>A pre-check: what its rows mean, as the error says.</summary>
    public string? Failure { get; init; }
}
