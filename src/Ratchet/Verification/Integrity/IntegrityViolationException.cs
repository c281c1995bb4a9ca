using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Verification.Integrity;

/// <summary>A pre-check found rows in the way of a revision's constraint: nothing of the revision was applied (exit 3).</summary>
public sealed class IntegrityViolationException(PlanStep step, SourceLocation location, PreCheck check, IReadOnlyList<string> rows)
    : RatchetException(RatchetErrorKind.CheckFailed,
        $"{location}: revision {step.Revision.Id} would add {check.Constraint} to {check.Table}, but the table holds {check.Problem}: " +
        $"{string.Join("; ", rows)}{(rows.Count >= IntegrityPlanner.Shown ? "; ..." : "")}; nothing of the revision was applied")
{
    /// <summary>The step.</summary>
    public PlanStep Step { get; } = step;

    /// <summary>The check that failed.</summary>
    public PreCheck Check { get; } = check;

    /// <summary>A few offending rows, as text.</summary>
    public IReadOnlyList<string> Rows { get; } = rows;
}
