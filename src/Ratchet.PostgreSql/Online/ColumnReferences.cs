using System.Text;
using Ratchet.Sources;

namespace Ratchet.PostgreSql.Online;

/// <summary>
/// Rewrites the column names in an SQL expression (a USING, a backfill, an index or constraint definition) by the
/// lexer's tokens, never inside strings or comments: a word or quoted name equal to a column is replaced unless it is
/// qualified (<c>x.c</c>), a function (<c>c(</c>) or a type (<c>::c</c>).
/// </summary>
internal static class ColumnReferences
{
    /// <summary>The expression with each column reference <c>c</c> mapped to <paramref name="map"/>(c); unmapped names stay.</summary>
    public static string Rewrite(string sql, Func<string, string?> map)
    {
        var tokens = SqlLexer.Tokenize(sql).Where(t => !t.IsComment).ToList();
        var text = new StringBuilder();
        var copied = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is not (SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier))
            {
                continue;
            }

            var previous = i > 0 ? tokens[i - 1].Text(sql).ToString() : "";
            var next = i + 1 < tokens.Count ? tokens[i + 1].Text(sql).ToString() : "";
            if (previous is "." or "::" || (previous == ":" && i > 1 && tokens[i - 2].Text(sql) is ":") || next is "(" or ".")
            {
                continue;
            }

            var raw = token.Text(sql).ToString();
            var name = token.Kind == SqlTokenKind.QuotedIdentifier ? raw[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : raw.ToLowerInvariant();
            if (map(name) is { } replacement)
            {
                text.Append(sql, copied, token.Start - copied).Append(replacement);
                copied = token.End;
            }
        }

        return text.Append(sql, copied, sql.Length - copied).ToString();
    }

    /// <summary>Whether the expression refers to the column.</summary>
    public static bool Mentions(string? sql, string column)
    {
        if (sql is null)
        {
            return false;
        }

        var found = false;
        Rewrite(sql, name =>
        {
            found |= name == column;
            return null;
        });
        return found;
    }
}
