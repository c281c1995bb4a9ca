namespace Ratchet.Verification;

/// <summary>How a revision fared in the stairway.</summary>
public enum VerdictOutcome
{
    /// <summary>Up, down and up again gave the expected schemas (and data).</summary>
    Passed,

    /// <summary>A step failed, a schema did not match, or data was lost.</summary>
    Failed,

    /// <summary>The revision has no down section: only its up was tested.</summary>
    UpOnly,

    /// <summary>An earlier revision failed, so this one was not reached.</summary>
    NotRun,
}
