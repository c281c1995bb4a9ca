namespace Ratchet.Revisions;

/// <summary>The forms a migration target can take.</summary>
public enum TargetKind
{
    /// <summary><c>head</c>: the single head (an error when there are several).</summary>
    Head,

    /// <summary><c>heads</c>: every head.</summary>
    Heads,

    /// <summary><c>base</c>: before the first revision.</summary>
    Base,

    /// <summary>A revision id, unique id prefix or branch label.</summary>
    Revision,

    /// <summary><c>+N</c> or <c>-N</c>: N steps from the current state.</summary>
    Relative,

    /// <summary><c>label@head</c>: the head of the branch carrying the label.</summary>
    BranchHead,

    /// <summary><c>label@base</c>: before the first revision of the branch carrying the label.</summary>
    BranchBase,

    /// <summary><c>rev@+N</c> or <c>rev@-N</c>: N steps from a revision along an unbranched line.</summary>
    RevisionRelative,
}
