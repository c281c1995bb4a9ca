namespace Ratchet.Verification;

/// <summary>The result of a stairway run over every revision.</summary>
public sealed record VerifyReport
{
    /// <summary>Where it ran (the scratch database, without password).</summary>
    public required string Engine { get; init; }

    /// <summary>The options it ran with.</summary>
    public required VerifyOptions Options { get; init; }

    /// <summary>One verdict per revision, in graph order.</summary>
    public required IReadOnlyList<RevisionVerdict> Revisions { get; init; }

    /// <summary>How long the whole run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Whether no revision failed.</summary>
    public bool Passed => Revisions.All(r => !r.IsFailure);
}
