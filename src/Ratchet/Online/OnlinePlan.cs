using System.Text.Json;

namespace Ratchet.Online;

/// <summary>
/// An online revision planned against the live schema at <c>start</c>: the steps of each phase, with their SQL. It is
/// stored in <c>ratchet_online</c> before the first step runs, so a rerun, <c>complete</c>, <c>abort</c> and a later
/// <c>down</c> follow the same plan even though the schema has changed since.
/// </summary>
public sealed record OnlinePlan
{
    /// <summary>The revision.</summary>
    public required string RevisionId { get; init; }

    /// <summary>One line per operation, as planned.</summary>
    public IReadOnlyList<string> Operations { get; init; } = [];

    /// <summary>The schema new code puts first in its <c>search_path</c> between <c>start</c> and <c>complete</c>; null when no table changes shape.</summary>
    public string? VersionSchema { get; init; }

    /// <summary>Expand: additive DDL, NOT VALID constraints, concurrent indexes, triggers, backfills.</summary>
    public IReadOnlyList<OnlineStep> Start { get; init; } = [];

    /// <summary>Contract: validate, swap, drop the old objects and the triggers.</summary>
    public IReadOnlyList<OnlineStep> Complete { get; init; } = [];

    /// <summary>Before <c>complete</c>'s swap: remove everything <c>start</c> added (each step tolerates a partial start).</summary>
    public IReadOnlyList<OnlineStep> Abort { get; init; } = [];

    /// <summary>After <c>complete</c>: the revision's downgrade, offline (it takes ordinary locks).</summary>
    public IReadOnlyList<OnlineStep> Down { get; init; } = [];

    /// <summary>The steps of a phase.</summary>
    public IReadOnlyList<OnlineStep> Steps(OnlinePhase phase) => phase switch
    {
        OnlinePhase.Start => Start,
        OnlinePhase.Complete => Complete,
        OnlinePhase.Abort => Abort,
        _ => Down,
    };

    /// <summary>The plan as stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, OnlineJson.Default.OnlinePlan);

    /// <summary>A stored plan.</summary>
    /// <exception cref="RatchetException">The text is not a plan.</exception>
    public static OnlinePlan FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, OnlineJson.Default.OnlinePlan) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"ratchet_online holds a plan Ratchet cannot read: {e.Message}", e);
        }
    }
}
