namespace Ratchet.Safety;

/// <summary>
/// One rule of the safety checklist (<c>../shared/LINT-RULES.md</c>, docs/lint.md): a stable id, a severity, the
/// engines it applies to, and a check over one statement part at a time. One rule per file under Rules/.
/// </summary>
public abstract class LintRule
{
    /// <summary>The stable id (<c>RAT001</c>).</summary>
    public abstract string Id { get; }

    /// <summary>How bad a finding is.</summary>
    public abstract Severity Severity { get; }

    /// <summary>The hazard in a few words, for lists and SARIF.</summary>
    public abstract string Title { get; }

    /// <summary>The safe alternative, unless a finding says a more precise one.</summary>
    public abstract string Fix { get; }

    /// <summary>Whether the rule applies to the target engine and version.</summary>
    public abstract bool AppliesTo(LintTarget target);

    /// <summary>The hazards in the context's part: each a message (what happens) and, optionally, a more precise fix.</summary>
    public abstract IEnumerable<LintHit> Check(LintStep context);
}

/// <summary>What a rule found in a part.</summary>
public sealed record LintHit(string Message, string? Fix = null);
