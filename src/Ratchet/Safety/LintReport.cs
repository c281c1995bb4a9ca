namespace Ratchet.Safety;

/// <summary>What a lint run found.</summary>
public sealed record LintReport
{
    /// <summary>The target linted for.</summary>
    public required LintTarget Target { get; init; }

    /// <summary>Every finding, suppressed ones included (they carry their reason), in file and line order.</summary>
    public required IReadOnlyList<LintFinding> Findings { get; init; }

    /// <summary>What each traced statement did (<c>--trace</c>); empty without a trace.</summary>
    public IReadOnlyList<Tracing.StatementTrace> Traces { get; init; } = [];

    /// <summary>How many revisions were linted.</summary>
    public int Revisions { get; init; }

    /// <summary>How many statements were read.</summary>
    public int Statements { get; init; }

    /// <summary>The findings no suppression silenced.</summary>
    public IEnumerable<LintFinding> Active => Findings.Where(f => f.SuppressedBecause is null);

    /// <summary>Whether an active finding is an error (exit 3).</summary>
    public bool HasErrors => Active.Any(f => f.Severity == Severity.Error);
}
