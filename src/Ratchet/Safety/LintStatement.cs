using Ratchet.Safety.Parsing;

namespace Ratchet.Safety;

/// <summary>A statement of a revision as lint sees it: parsed from SQL, or one typed operation of a C# migration.</summary>
public sealed record LintStatement(ParsedStatement Parsed, bool FromSql)
{
    /// <summary>The last line the statement covers.</summary>
    public int EndLine => Parsed.Line + Parsed.Sql.Count(ch => ch == '\n');
}
