namespace Ratchet.Online;

/// <summary>What <c>start</c>, <c>complete</c> or <c>abort</c> did: the revision, its state after, whether the phase ran to its end.</summary>
public sealed record OnlineResult(string RevisionId, OnlineRunState? State, bool Finished, OnlinePlan Plan, IReadOnlyList<string> Applied)
{
    /// <summary>Whether the revision's rows are gone (after an abort).</summary>
    public bool Forgotten => State is null;
}
