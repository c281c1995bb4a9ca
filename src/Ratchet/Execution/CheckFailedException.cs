using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Execution;

/// <summary>A <c>check</c> (pre-condition) or <c>verify</c> (post-condition) query was not satisfied (exit code 3).</summary>
public sealed class CheckFailedException(PlanStep step, string section, SourceLocation location, string found)
    : RatchetException(RatchetErrorKind.CheckFailed,
        $"{location}: {section} of revision {step.Revision.Id} failed: the query returned {found}")
{
    /// <summary>The step.</summary>
    public PlanStep Step { get; } = step;

    /// <summary><c>check</c> or <c>verify</c>.</summary>
    public string Section { get; } = section;

    /// <summary>Where the query is.</summary>
    public SourceLocation Location { get; } = location;
}
