using Ratchet.Revisions;
using Ratchet.Verification.SampleData;

namespace Ratchet.Verification;

/// <summary>What the stairway found for one revision.</summary>
public sealed record RevisionVerdict
{
    /// <summary>The revision.</summary>
    public required Revision Revision { get; init; }

    /// <summary>The outcome.</summary>
    public required VerdictOutcome Outcome { get; init; }

    /// <summary>Schema differences: after down compared with before up, after up again compared with after the first up.</summary>
    public IReadOnlyList<string> SchemaProblems { get; init; } = [];

    /// <summary>What the up did to the data (dropped on purpose, lost, changed).</summary>
    public IReadOnlyList<DataFinding> AfterUp { get; init; } = [];

    /// <summary>What is not back after the down.</summary>
    public IReadOnlyList<DataFinding> AfterDown { get; init; } = [];

    /// <summary>The step that failed and the error, when one did.</summary>
    public string? Error { get; init; }

    /// <summary>The rows generated before the up (with <c>--data</c>).</summary>
    public FillResult Fill { get; init; } = FillResult.Empty;

    /// <summary>How long the revision's steps took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Whether this verdict fails the verification.</summary>
    public bool IsFailure => Outcome == VerdictOutcome.Failed;
}
