namespace Ratchet.Sources;

/// <summary>A token of SQL text: its kind, where it is in the text, and the 1-based line it starts on.</summary>
internal readonly record struct SqlToken(SqlTokenKind Kind, int Start, int Length, int Line)
{
    /// <summary>The end offset (exclusive).</summary>
    public int End => Start + Length;

    /// <summary>Whether this token is a comment.</summary>
    public bool IsComment => Kind is SqlTokenKind.LineComment or SqlTokenKind.BlockComment;

    /// <summary>The token's text within <paramref name="source"/>.</summary>
    public ReadOnlySpan<char> Text(string source) => source.AsSpan(Start, Length);

    /// <summary>Whether this is the unquoted word <paramref name="keyword"/>, ignoring case.</summary>
    public bool IsWord(string source, string keyword) =>
        Kind == SqlTokenKind.Word && Text(source).Equals(keyword, StringComparison.OrdinalIgnoreCase);
}
