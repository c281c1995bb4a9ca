namespace Ratchet.Online;

/// <summary>An online revision's rows in <c>ratchet_online</c>: its state, its plan and the progress of its steps.</summary>
public sealed record OnlineRecord
{
    /// <summary>The revision.</summary>
    public required string RevisionId { get; init; }

    /// <summary>Its state.</summary>
    public required OnlineRunState State { get; init; }

    /// <summary>The plan made at its first <c>start</c>.</summary>
    public required OnlinePlan Plan { get; init; }

    /// <summary>Who started it.</summary>
    public string By { get; init; } = "";

    /// <summary>When its state last changed (UTC).</summary>
    public DateTime UpdatedAt { get; init; }

    /// <summary>The progress of each step that has begun, by key.</summary>
    public IReadOnlyDictionary<string, OnlineStepProgress> Steps { get; init; } = new Dictionary<string, OnlineStepProgress>();

    /// <summary>Whether a step is done.</summary>
    public bool IsDone(string step) => Steps.TryGetValue(step, out var p) && p.Done;

    /// <summary>Whether the revision is between <c>start</c> and the end of <c>complete</c>, <c>abort</c> or <c>down</c>.</summary>
    public bool InProgress => State != OnlineRunState.Completed;

    /// <summary>The stored name of a state.</summary>
    public static string StateName(OnlineRunState state) => state.ToString().ToLowerInvariant();

    /// <summary>A stored state name.</summary>
    public static OnlineRunState ParseState(string text) => Enum.TryParse<OnlineRunState>(text, ignoreCase: true, out var state)
        ? state
        : throw new RatchetException(RatchetErrorKind.BadInput, $"ratchet_online holds an unknown state '{text}'");
}
