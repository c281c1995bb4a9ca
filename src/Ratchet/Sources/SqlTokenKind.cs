namespace Ratchet.Sources;

/// <summary>The kinds of token the SQL lexer produces.</summary>
internal enum SqlTokenKind
{
    /// <summary>An unquoted word: keyword or identifier.</summary>
    Word,

    /// <summary>A quoted identifier: <c>"x"</c>, <c>`x`</c> or <c>[x]</c>.</summary>
    QuotedIdentifier,

    /// <summary>A string literal: <c>'x'</c>, <c>E'x'</c>, or a dollar-quoted body <c>$tag$...$tag$</c>.</summary>
    StringLiteral,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>A parameter or placeholder such as <c>$1</c>, <c>?</c>, <c>:name</c>.</summary>
    Parameter,

    /// <summary>Any other single character or operator.</summary>
    Symbol,

    /// <summary>A <c>--</c> comment to the end of the line.</summary>
    LineComment,

    /// <summary>A <c>/* */</c> comment (nested, as PostgreSQL allows).</summary>
    BlockComment,
}
