namespace Ratchet.Sources;

/// <summary>A <c>-- ratchet:ignore RULE reason</c> line: the rule it silences, why, and where it stands.</summary>
public sealed record Suppression(string Rule, string Reason, int Line)
{
    /// <summary>
    /// Written before the first section (with the other directives), or not directly above a statement (a blank line
    /// after it): it silences the rule for the whole revision.
    /// </summary>
    public bool WholeRevision => StatementLine is null;

    /// <summary>The line of the statement directly below (only comment lines between), which it alone silences.</summary>
    public int? StatementLine { get; init; }
}
