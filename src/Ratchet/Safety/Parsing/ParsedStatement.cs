namespace Ratchet.Safety.Parsing;

/// <summary>One statement as the parser read it: its text, where it starts, and what it does.</summary>
public sealed record ParsedStatement
{
    /// <summary>The statement's text.</summary>
    public required string Sql { get; init; }

    /// <summary>The 1-based line where it starts.</summary>
    public required int Line { get; init; }

    /// <summary>The statement's first word, upper case (<c>ALTER</c>, <c>CREATE</c>).</summary>
    public required string Verb { get; init; }

    /// <summary>What it does, in order.</summary>
    public required IReadOnlyList<StatementPart> Parts { get; init; }

    /// <summary>Whether some part of it could not be read.</summary>
    public bool HasUnreadable => Parts.Any(p => p is UnreadablePart);
}
