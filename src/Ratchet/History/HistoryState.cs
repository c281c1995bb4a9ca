namespace Ratchet.History;

/// <summary>The state of a revision in <c>ratchet_history</c>.</summary>
public enum HistoryState
{
    /// <summary>Applied by Ratchet.</summary>
    Applied,

    /// <summary>Recorded as applied without running it (<c>ratchet stamp</c>).</summary>
    Stamped,

    /// <summary>A non-transactional revision that is running or was interrupted.</summary>
    Running,

    /// <summary>A non-transactional revision that failed part-way; <c>up</c> resumes it.</summary>
    Failed,

    /// <summary>A non-transactional revision whose downgrade is running or was interrupted.</summary>
    Reverting,

    /// <summary>A non-transactional revision whose downgrade failed part-way; <c>down</c> resumes it.</summary>
    RevertFailed,
}
