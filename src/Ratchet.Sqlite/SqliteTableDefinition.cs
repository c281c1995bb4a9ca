using Ratchet.Sources;

namespace Ratchet.Sqlite;

/// <summary>
/// The CREATE TABLE text SQLite keeps in <c>sqlite_schema</c>, split into its column definitions and table
/// constraints so a rebuild can change one of them and keep every other word as written (CHECKs, COLLATEs, the
/// enum checks Ratchet generates) — SQLite's pragmas do not report CHECK constraints, so the text is the truth.
/// </summary>
internal sealed class SqliteTableDefinition
{
    private static readonly string[] ConstraintStarts = ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"];
    private static readonly string[] ColumnConstraintWords =
        ["CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS"];

    private SqliteTableDefinition(List<Item> columns, List<Item> constraints, string suffix)
    {
        Columns = columns;
        Constraints = constraints;
        Suffix = suffix;
    }

    /// <summary>A column definition or table constraint: its name and its text.</summary>
    public sealed record Item(string? Name, string Text);

    public List<Item> Columns { get; }

    public List<Item> Constraints { get; }

    /// <summary>What follows the closing parenthesis (<c>WITHOUT ROWID</c>, <c>STRICT</c>).</summary>
    public string Suffix { get; }

    public static SqliteTableDefinition Parse(string sql)
    {
        var tokens = SqlLexer.Tokenize(sql, "sqlite_schema").Where(t => !t.IsComment).ToList();
        var open = tokens.FindIndex(t => IsSymbol(sql, t, '('));
        if (open < 0)
        {
            throw new InvalidOperationException($"cannot read the table definition: {sql}");
        }

        var columns = new List<Item>();
        var constraints = new List<Item>();
        var depth = 0;
        var itemStart = open + 1;
        for (var k = open + 1; k < tokens.Count; k++)
        {
            if (IsSymbol(sql, tokens[k], '('))
            {
                depth++;
            }
            else if (IsSymbol(sql, tokens[k], ')') && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && (IsSymbol(sql, tokens[k], ',') || IsSymbol(sql, tokens[k], ')')))
            {
                Classify(sql, tokens, itemStart, k, columns, constraints);
                itemStart = k + 1;
                if (IsSymbol(sql, tokens[k], ')'))
                {
                    return new SqliteTableDefinition(columns, constraints, sql[tokens[k].End..]);
                }
            }
        }

        throw new InvalidOperationException($"cannot read the table definition (no closing parenthesis): {sql}");
    }

    public string Render(string quotedName) =>
        $"CREATE TABLE {quotedName} (\n    {string.Join(",\n    ", Columns.Concat(Constraints).Select(i => i.Text))}\n){Suffix}";

    public int IndexOfColumn(string name)
    {
        var index = Columns.FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new InvalidOperationException($"the table has no column {name}");
    }

    /// <summary>
    /// A column definition with a new type, nullability and/or default; every other word kept. The result is in the
    /// order Ratchet generates (type, checks and other constraints, NOT NULL, DEFAULT), so a change and its undo give
    /// back the same text.
    /// </summary>
    public static string EditColumn(string text, string? type, string? appendToType, bool? nullable, bool changeDefault, string? defaultSql)
    {
        var tokens = SqlLexer.Tokenize(text, "column").Where(t => !t.IsComment).ToList();
        var name = text[tokens[0].Start..tokens[0].End];
        var firstConstraint = tokens.FindIndex(1, t => t.Kind == SqlTokenKind.Word && ColumnConstraintWords.Contains(t.Text(text).ToString(), StringComparer.OrdinalIgnoreCase));
        var typeEnd = firstConstraint < 0 ? tokens.Count : firstConstraint;
        var oldType = typeEnd > 1 ? text[tokens[1].Start..tokens[typeEnd - 1].End] : "";
        var rest = firstConstraint < 0 ? new List<(int Start, int End)>() : Spans(text, tokens, firstConstraint);
        var wasNotNull = rest.Count != RemoveNotNull(text, rest).Count;
        rest = RemoveNotNull(text, rest);
        if (type is not null)
        {
            rest = RemoveEnumCheck(text, rest, Unquote(name));
        }

        var (withoutDefault, oldDefault) = TakeDefault(text, rest);
        var parts = new List<string> { name, type ?? oldType };
        if (appendToType is not null)
        {
            parts.Add(appendToType);
        }

        parts.AddRange(withoutDefault.Select(r => text[r.Start..r.End]));
        if (nullable == false || (nullable is null && wasNotNull))
        {
            parts.Add("NOT NULL");
        }

        var finalDefault = changeDefault ? defaultSql : oldDefault;
        if (finalDefault is not null)
        {
            parts.Add($"DEFAULT {finalDefault}");
        }

        return string.Join(' ', parts.Where(p => p.Length > 0));
    }

    private static void Classify(string sql, List<SqlToken> tokens, int from, int to, List<Item> columns, List<Item> constraints)
    {
        if (from >= to)
        {
            return;
        }

        var text = sql[tokens[from].Start..tokens[to - 1].End];
        var first = tokens[from];
        var isConstraint = first.Kind == SqlTokenKind.Word && ConstraintStarts.Contains(first.Text(sql).ToString(), StringComparer.OrdinalIgnoreCase);
        if (!isConstraint)
        {
            columns.Add(new Item(Unquote(first.Text(sql).ToString()), text));
            return;
        }

        var named = first.IsWord(sql, "CONSTRAINT") && from + 1 < to;
        constraints.Add(new Item(named ? Unquote(tokens[from + 1].Text(sql).ToString()) : null, text));
    }

    /// <summary>The top-level word groups of a column's constraints: each token, with parenthesized groups kept whole.</summary>
    private static List<(int Start, int End)> Spans(string text, List<SqlToken> tokens, int from)
    {
        var spans = new List<(int Start, int End)>();
        var depth = 0;
        var start = -1;
        for (var k = from; k < tokens.Count; k++)
        {
            var t = tokens[k];
            start = depth == 0 ? t.Start : start;
            depth += IsSymbol(text, t, '(') ? 1 : IsSymbol(text, t, ')') ? -1 : 0;
            if (depth == 0)
            {
                spans.Add((start, t.End));
            }
        }

        return spans;
    }

    /// <summary>Removes <c>[CONSTRAINT name] NOT NULL [ON CONFLICT algorithm]</c>.</summary>
    private static List<(int Start, int End)> RemoveNotNull(string text, List<(int Start, int End)> spans)
    {
        string Word(int i) => i >= 0 && i < spans.Count ? text[spans[i].Start..spans[i].End] : "";
        var result = new List<(int Start, int End)>();
        for (var i = 0; i < spans.Count; i++)
        {
            var named = Word(i).Equals("CONSTRAINT", StringComparison.OrdinalIgnoreCase) &&
                Word(i + 2).Equals("NOT", StringComparison.OrdinalIgnoreCase) && Word(i + 3).Equals("NULL", StringComparison.OrdinalIgnoreCase);
            var start = named ? i + 2 : i;
            if (!Word(start).Equals("NOT", StringComparison.OrdinalIgnoreCase) || !Word(start + 1).Equals("NULL", StringComparison.OrdinalIgnoreCase))
            {
                result.Add(spans[i]);
                continue;
            }

            var end = start + 1;
            if (Word(end + 1).Equals("ON", StringComparison.OrdinalIgnoreCase) && Word(end + 2).Equals("CONFLICT", StringComparison.OrdinalIgnoreCase))
            {
                end += 3;
            }

            i = end;
        }

        return result;
    }

    /// <summary>Removes the <c>CHECK ("column" IN (...))</c> Ratchet generates for an enum column, when its type changes.</summary>
    private static List<(int Start, int End)> RemoveEnumCheck(string text, List<(int Start, int End)> spans, string column)
    {
        var result = new List<(int Start, int End)>();
        for (var i = 0; i < spans.Count; i++)
        {
            var isCheck = text[spans[i].Start..spans[i].End].Equals("CHECK", StringComparison.OrdinalIgnoreCase) && i + 1 < spans.Count;
            var body = isCheck ? text[spans[i + 1].Start..spans[i + 1].End] : "";
            var quoted = SqliteDialect.Instance.QuoteIdentifier(column);
            if (isCheck && (body.StartsWith($"({quoted} IN (", StringComparison.OrdinalIgnoreCase) || body.StartsWith($"({column} IN (", StringComparison.OrdinalIgnoreCase)))
            {
                i++;
                continue;
            }

            result.Add(spans[i]);
        }

        return result;
    }

    /// <summary>The spans without the DEFAULT clause, and the clause's value text (null when there is none).</summary>
    private static (List<(int Start, int End)> Kept, string? Value) TakeDefault(string text, List<(int Start, int End)> spans)
    {
        var result = new List<(int Start, int End)>();
        string? value = null;
        for (var i = 0; i < spans.Count; i++)
        {
            // SET DEFAULT is a foreign key's action, not a default.
            var afterSet = i > 0 && text[spans[i - 1].Start..spans[i - 1].End].Equals("SET", StringComparison.OrdinalIgnoreCase);
            if (!text[spans[i].Start..spans[i].End].Equals("DEFAULT", StringComparison.OrdinalIgnoreCase) || i + 1 >= spans.Count || afterSet)
            {
                result.Add(spans[i]);
                continue;
            }

            // DEFAULT takes one value: a literal, a name, a parenthesized expression, or a signed number.
            var signed = text[spans[i + 1].Start..spans[i + 1].End] is "-" or "+" && i + 2 < spans.Count;
            var last = signed ? i + 2 : i + 1;
            value = text[spans[i + 1].Start..spans[last].End];
            i = last;
        }

        return (result, value);
    }

    private static bool IsSymbol(string sql, SqlToken token, char symbol) => token.Kind == SqlTokenKind.Symbol && sql[token.Start] == symbol;

    private static string Unquote(string name) => name.Length >= 2 && name[0] is '"' or '`' or '['
        ? name[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal)
        : name;
}
