namespace Ratchet.Online;

/// <summary>Where an online revision is, as <c>ratchet_online</c> records it.</summary>
public enum OnlineRunState
{
    /// <summary><c>start</c> is running or stopped part-way (killed, a step failed, a bounded backfill paused): run it again to continue.</summary>
    Starting,

    /// <summary><c>start</c> finished: old and new code both work; <c>complete</c> or <c>abort</c> next.</summary>
    Started,

    /// <summary><c>complete</c> is running or stopped part-way: run it again (or <c>abort</c>, until the swap).</summary>
    Completing,

    /// <summary>Completed: the revision is applied; its row keeps the plan for a later <c>down</c>.</summary>
    Completed,

    /// <summary><c>abort</c> is running or stopped part-way: run it again.</summary>
    Aborting,

    /// <summary>A <c>down</c> of the completed revision is running or stopped part-way: run it again.</summary>
    Reverting,
}
