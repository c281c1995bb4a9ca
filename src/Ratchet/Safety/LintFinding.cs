namespace Ratchet.Safety;

/// <summary>One hazard found: which rule, where (file:line:column), what happens, and the safe way to do it.</summary>
public sealed record LintFinding
{
    /// <summary>The rule's stable id (<c>RAT001</c>).</summary>
    public required string Rule { get; init; }

    /// <summary>How bad it is.</summary>
    public required Severity Severity { get; init; }

    /// <summary>The migration file.</summary>
    public required string File { get; init; }

    /// <summary>The revision.</summary>
    public required string Revision { get; init; }

    /// <summary>The 1-based line (0 when the source has no lines, such as a compiled C# migration).</summary>
    public int Line { get; init; }

    /// <summary>The 1-based column.</summary>
    public int Column { get; init; }

    /// <summary>What happens: the lock taken, the rewrite, the data lost.</summary>
    public required string Message { get; init; }

    /// <summary>The safe alternative.</summary>
    public required string Fix { get; init; }

    /// <summary>The statement, shortened.</summary>
    public string Statement { get; init; } = "";

    /// <summary>The suppression's reason, when a <c>-- ratchet:ignore</c> silenced it.</summary>
    public string? SuppressedBecause { get; init; }
}
