using Ratchet.Revisions;
using Ratchet.Sources;

namespace Ratchet.Execution;

/// <summary>A statement of a revision failed (exit code 1).</summary>
public sealed class MigrationFailedException(PlanStep step, SourceLocation location, string error, string statement, Exception? inner)
    : RatchetException(RatchetErrorKind.MigrationFailed,
        $"{location}: revision {step.Revision.Id} ({step.Direction.ToString().ToLowerInvariant()}) failed: {error}", inner)
{
    /// <summary>The step that failed.</summary>
    public PlanStep Step { get; } = step;

    /// <summary>Where the failed statement is.</summary>
    public SourceLocation Location { get; } = location;

    /// <summary>The server's error.</summary>
    public string Error { get; } = error;

    /// <summary>The statement that failed.</summary>
    public string Statement { get; } = statement;
}
