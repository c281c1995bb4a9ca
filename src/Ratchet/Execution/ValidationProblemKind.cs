namespace Ratchet.Execution;

/// <summary>What <c>validate</c> can find wrong between the files and the database.</summary>
public enum ValidationProblemKind
{
    /// <summary>An applied revision's file changed (beyond whitespace and comments).</summary>
    Changed,

    /// <summary>An applied revision has no file.</summary>
    Unknown,

    /// <summary>A revision is not applied although a revision that needs it is.</summary>
    Missing,

    /// <summary>A non-transactional revision failed part-way or was interrupted.</summary>
    Failed,

    /// <summary>The live schema differs from the schema recorded after the last run: someone changed it by hand.</summary>
    Drift,
}
