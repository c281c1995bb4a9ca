using System.Globalization;
using Ratchet.Schema;
using Ratchet.Sources;

namespace Ratchet.Verification.SampleData;

/// <summary>
/// Reads value domains from SQL predicates: <c>col IN (...)</c>, <c>col = ANY (ARRAY[...])</c> (PostgreSQL's spelling
/// of IN), <c>col = 'x'</c>, comparisons with numbers, <c>BETWEEN</c>, <c>LIKE</c>, <c>length(col)</c> bounds and
/// <c>col &lt;&gt; ''</c>. In a revision's check section, <c>col NOT IN (...)</c> inside a "no such rows" query states
/// the allowed values too.
/// </summary>
public static class ValueDomains
{
    /// <summary>
    /// Domains that the check sections of these revisions state, the earliest first: the data made now is the data
    /// those checks will see.
    /// </summary>
    public static Dictionary<(string Table, string Column), ValueDomain> FromChecks(IEnumerable<Revisions.Revision> revisions, SchemaModel schema)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        var hints = new Dictionary<(string Table, string Column), ValueDomain>();
        foreach (var revision in revisions)
        {
            foreach (var check in revision.Checks)
            {
                foreach (var (key, domain) in FromCheckQuery(check.Sql, schema))
                {
                    hints.TryAdd(key, domain);
                }
            }
        }

        return hints;
    }

    /// <summary>The domains a CHECK expression of one table gives its columns.</summary>
    public static Dictionary<string, ValueDomain> FromCheck(string expression) => Read(expression, notInAllows: false);

    /// <summary>
    /// The domains a check-section query states, by table and column: each column named in the predicate is attributed
    /// to the tables after FROM and JOIN that have it.
    /// </summary>
    public static Dictionary<(string Table, string Column), ValueDomain> FromCheckQuery(string query, SchemaModel schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var result = new Dictionary<(string, string), ValueDomain>();
        List<SqlToken> tokens;
        try
        {
            tokens = SqlLexer.Tokenize(query).Where(t => !t.IsComment).ToList();
        }
        catch (MigrationFileException)
        {
            return result;
        }

        var tables = new List<TableModel>();
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if ((tokens[i].IsWord(query, "FROM") || tokens[i].IsWord(query, "JOIN")) && schema.Table(Name(query, tokens[i + 1])) is { } table)
            {
                tables.Add(table);
            }
        }

        foreach (var (column, domain) in Read(query, notInAllows: true))
        {
            foreach (var table in tables.Where(t => t.Column(column) is not null))
            {
                result[(table.Name, column)] = result.TryGetValue((table.Name, column), out var was) ? was.Merge(domain) : domain;
            }
        }

        return result;
    }

    private static Dictionary<string, ValueDomain> Read(string sql, bool notInAllows)
    {
        var domains = new Dictionary<string, ValueDomain>(StringComparer.OrdinalIgnoreCase);
        List<SqlToken> tokens;
        try
        {
            tokens = SqlLexer.Tokenize(sql).Where(t => !t.IsComment).ToList();
        }
        catch (MigrationFileException)
        {
            return domains;
        }

        void Add(string column, ValueDomain domain) =>
            domains[column] = domains.TryGetValue(column, out var was) ? was.Merge(domain) : domain;

        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!IsName(t) || IsKeyword(sql, t))
            {
                continue;
            }

            var column = Name(sql, t);
            var j = i + 1;
            if (j < tokens.Count && IsSymbol(sql, tokens[j], ")"))
            {
                j++; // (status) = ANY (...) as PostgreSQL writes it
            }

            if (j >= tokens.Count)
            {
                break;
            }

            var not = tokens[j].IsWord(sql, "NOT");
            var k = not ? j + 1 : j;
            if (k < tokens.Count && tokens[k].IsWord(sql, "IN") && (!not || notInAllows))
            {
                Add(column, new ValueDomain { Values = Literals(sql, tokens, k + 1) });
            }
            else if (k < tokens.Count && tokens[k].IsWord(sql, "LIKE") && !not && k + 1 < tokens.Count && tokens[k + 1].Kind == SqlTokenKind.StringLiteral)
            {
                Add(column, new ValueDomain { Like = Unquote(sql, tokens[k + 1]) });
            }
            else if (k < tokens.Count && tokens[k].IsWord(sql, "BETWEEN") && !not && Number(sql, tokens, k + 1) is { } low
                && k + 3 < tokens.Count && tokens[k + 2].IsWord(sql, "AND") && Number(sql, tokens, k + 3) is { } high)
            {
                Add(column, new ValueDomain { Min = low, Max = high });
            }
            else if (!not && Operator(sql, tokens, j) is var (op, width) && op.Length > 0)
            {
                var after = j + width;
                if (op == "=" && after < tokens.Count && tokens[after].IsWord(sql, "ANY"))
                {
                    Add(column, new ValueDomain { Values = Literals(sql, tokens, after + 1) });
                }
                else if (op is "=" && after < tokens.Count && tokens[after].Kind == SqlTokenKind.StringLiteral)
                {
                    Add(column, new ValueDomain { Values = [Unquote(sql, tokens[after])] });
                }
                else if (op is "<>" or "!=" && after < tokens.Count && tokens[after].Kind == SqlTokenKind.StringLiteral && Unquote(sql, tokens[after]).Length == 0)
                {
                    Add(column, new ValueDomain { MinLength = 1 });
                }
                else if (Number(sql, tokens, after) is { } n)
                {
                    var length = i >= 2 && IsSymbol(sql, tokens[i - 1], "(") && IsLength(sql, tokens[i - 2]);
                    Add(column, Bound(op, n, length));
                }
            }
        }

        return domains;
    }

    private static ValueDomain Bound(string op, decimal n, bool length) => (op, length) switch
    {
        (">", false) => new ValueDomain { Min = n + 1 },
        (">=", false) => new ValueDomain { Min = n },
        ("<", false) => new ValueDomain { Max = n - 1 },
        ("<=", false) => new ValueDomain { Max = n },
        ("=", false) => new ValueDomain { Min = n, Max = n },
        (">", true) => new ValueDomain { MinLength = (int)n + 1 },
        (">=", true) => new ValueDomain { MinLength = (int)n },
        ("<", true) => new ValueDomain { MaxLength = (int)n - 1 },
        ("<=", true) => new ValueDomain { MaxLength = (int)n },
        ("=", true) => new ValueDomain { MinLength = (int)n, MaxLength = (int)n },
        _ => new ValueDomain(),
    };

    /// <summary>The literals of a parenthesized list (<c>('a', 'b')</c> or <c>(ARRAY['a'::text, 'b'::text])</c>).</summary>
    private static List<string> Literals(string sql, List<SqlToken> tokens, int start)
    {
        var values = new List<string>();
        var depth = 0;
        for (var i = start; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (IsSymbol(sql, t, "(") || IsSymbol(sql, t, "["))
            {
                depth++;
            }
            else if (IsSymbol(sql, t, ")") || IsSymbol(sql, t, "]"))
            {
                if (--depth <= 0)
                {
                    break;
                }
            }
            else if (t.Kind == SqlTokenKind.StringLiteral)
            {
                values.Add(Unquote(sql, t));
            }
            else if (t.Kind == SqlTokenKind.QuotedIdentifier && sql[t.Start] == '[')
            {
                // ARRAY['a'::text, 'b'::text]: the lexer reads a bracket as SQLite's quoting, so read inside it.
                var inner = "(" + sql[(t.Start + 1)..(t.End - 1)] + ")";
                try
                {
                    values.AddRange(Literals(inner, SqlLexer.Tokenize(inner), 0));
                }
                catch (MigrationFileException)
                {
                    // Not a list of literals after all.
                }
            }
            else if (t.Kind == SqlTokenKind.Number && !(i > 0 && IsSymbol(sql, tokens[i - 1], ":")))
            {
                values.Add(t.Text(sql).ToString());
            }
        }

        return values;
    }

    private static (string Op, int Width) Operator(string sql, List<SqlToken> tokens, int i)
    {
        if (i >= tokens.Count || tokens[i].Kind != SqlTokenKind.Symbol)
        {
            return ("", 0);
        }

        var first = tokens[i].Text(sql).ToString();
        var second = i + 1 < tokens.Count && tokens[i + 1].Kind == SqlTokenKind.Symbol && tokens[i + 1].Start == tokens[i].End ? tokens[i + 1].Text(sql).ToString() : "";
        return (first + second) switch
        {
            ">=" or "<=" or "<>" or "!=" => (first + second, 2),
            _ when first is ">" or "<" or "=" => (first, 1),
            _ => ("", 0),
        };
    }

    private static decimal? Number(string sql, List<SqlToken> tokens, int i)
    {
        var negative = i < tokens.Count && IsSymbol(sql, tokens[i], "-");
        var at = negative ? i + 1 : i;
        if (at < tokens.Count && IsSymbol(sql, tokens[at], "("))
        {
            at++; // (0)::numeric, as PostgreSQL writes constants
        }

        return at < tokens.Count && tokens[at].Kind == SqlTokenKind.Number
            && decimal.TryParse(tokens[at].Text(sql), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? negative ? -n : n
            : null;
    }

    private static bool IsLength(string sql, SqlToken t) =>
        t.IsWord(sql, "length") || t.IsWord(sql, "char_length") || t.IsWord(sql, "character_length");

    private static bool IsName(SqlToken t) => t.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    private static bool IsKeyword(string sql, SqlToken t) =>
        t.Kind == SqlTokenKind.Word && Keywords.Contains(t.Text(sql).ToString());

    private static readonly HashSet<string> Keywords = new(
        ["AND", "OR", "NOT", "IN", "IS", "NULL", "SELECT", "FROM", "WHERE", "COUNT", "CASE", "WHEN", "THEN", "ELSE", "END", "ANY", "ARRAY", "TRUE", "FALSE", "LIKE", "BETWEEN", "EXISTS"],
        StringComparer.OrdinalIgnoreCase);

    private static bool IsSymbol(string sql, SqlToken t, string symbol) => t.Kind == SqlTokenKind.Symbol && t.Text(sql).SequenceEqual(symbol);

    internal static string Name(string sql, SqlToken t)
    {
        var text = t.Text(sql).ToString();
        return t.Kind == SqlTokenKind.QuotedIdentifier ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;
    }

    private static string Unquote(string sql, SqlToken t)
    {
        var text = t.Text(sql).ToString();
        var quote = text.IndexOf('\'', StringComparison.Ordinal);
        return quote < 0 ? text : text[(quote + 1)..^1].Replace("''", "'", StringComparison.Ordinal);
    }
}
