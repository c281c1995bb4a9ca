namespace Ratchet.Online;

/// <summary>A phase of an online revision.</summary>
public enum OnlinePhase
{
    /// <summary>Expand (<c>ratchet start</c>).</summary>
    Start,

    /// <summary>Contract (<c>ratchet complete</c>).</summary>
    Complete,

    /// <summary>Undo <c>start</c> (<c>ratchet abort</c>).</summary>
    Abort,

    /// <summary>Revert a completed revision (<c>ratchet down</c>).</summary>
    Down,
}
