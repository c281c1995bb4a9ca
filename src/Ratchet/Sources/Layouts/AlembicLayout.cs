using System.Text;
using System.Text.RegularExpressions;
using Ratchet.Revisions;

namespace Ratchet.Sources.Layouts;

/// <summary>
/// Alembic revision files (<c>versions/*.py</c>) whose <c>upgrade()</c> and <c>downgrade()</c> bodies are
/// <c>op.execute(SQL)</c> calls, read so a project can move into Ratchet: <c>revision</c>, <c>down_revision</c> (a
/// tuple makes a merge), <c>branch_labels</c> and <c>depends_on</c> give the graph; the SQL strings are the sections.
/// A body with anything else (<c>op.create_table(...)</c>) is refused, naming the file and line.
/// </summary>
public sealed partial class AlembicLayout : MigrationLayout
{
    /// <inheritdoc />
    public override string Name => "alembic";

    private static string Folder(string directory) => Directory.Exists(Path.Combine(directory, "versions")) ? Path.Combine(directory, "versions") : directory;

    /// <inheritdoc />
    public override bool ClaimsOnlyTopLevelSqlFiles => false;

    /// <inheritdoc />
    public override IReadOnlyList<string> Claims(string directory) =>
        Directory.EnumerateFiles(Folder(directory), "*.py").Where(f => RevisionLine().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(directory, f)).Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public override IReadOnlyList<Revision> Read(string directory, string display) => Claims(directory).Select(relative =>
    {
        var shown = Path.Combine(display, relative);
        var text = File.ReadAllText(Path.Combine(directory, relative)).Replace("\r\n", "\n", StringComparison.Ordinal);
        var id = RevisionLine().Match(text).Groups["value"].Value;
        var docstring = Docstring().Match(text);
        return new Revision
        {
            Id = id,
            Message = docstring.Success ? docstring.Groups["first"].Value.Trim() : "",
            Parents = Names(text, "down_revision", shown),
            BranchLabels = Names(text, "branch_labels", shown),
            DependsOn = Names(text, "depends_on", shown),
            RevisesStated = true,
            Up = Body(text, "upgrade", shown) ?? throw new MigrationFileException(new SourceLocation(shown, 1), "no `def upgrade()`"),
            Down = Body(text, "downgrade", shown),
            Source = new SourceLocation(shown, 0),
            Kind = "sql",
            Layout = Name,
        };
    }).ToList();

    /// <summary>The ids an assignment names: None, 'a', or ('a', 'b').</summary>
    private static List<string> Names(string text, string variable, string shown)
    {
        var m = Regex.Match(text, $@"^{variable}\s*(?::[^=\n]+)?=\s*(?<value>[^\n]+)$", RegexOptions.Multiline);
        if (!m.Success || m.Groups["value"].Value.Trim() == "None")
        {
            return [];
        }

        var values = Quoted().Matches(m.Groups["value"].Value).Select(q => q.Groups["v"].Value).ToList();
        return values.Count > 0 ? values
            : throw new MigrationFileException(new SourceLocation(shown, LineOf(text, m.Index)), $"cannot read `{variable} = {m.Groups["value"].Value.Trim()}`");
    }

    /// <summary>The SQL of a function's <c>op.execute</c> calls, as a script; null when the function is missing.</summary>
    private static SqlScript? Body(string text, string function, string shown)
    {
        var def = Regex.Match(text, $@"^def {function}\([^)]*\)[^:\n]*:[ \t]*\n", RegexOptions.Multiline);
        if (!def.Success)
        {
            return null;
        }

        var start = def.Index + def.Length;
        var end = Regex.Match(text[start..], @"^\S", RegexOptions.Multiline) is { Success: true } next ? start + next.Index : text.Length;
        var statements = new List<SqlStatement>();
        var i = start;
        while (i < end)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            if (text[i] == '#')
            {
                i = text.IndexOf('\n', i) is var n and >= 0 ? n : end;
                continue;
            }

            if (Keyword(text, i, "pass"))
            {
                i += 4;
                continue;
            }

            if (text[i] is '"' or '\'')
            {
                ReadString(text, ref i, shown); // a docstring
                continue;
            }

            if (!text.AsSpan(i).StartsWith("op.execute(", StringComparison.Ordinal))
            {
                var line = text[i..(text.IndexOf('\n', i) is var e and >= 0 ? e : text.Length)].Trim();
                throw new MigrationFileException(new SourceLocation(shown, LineOf(text, i)),
                    $"`{line}`: only op.execute(SQL) bodies can be read; convert this revision to Ratchet by hand");
            }

            var line0 = LineOf(text, i);
            i += "op.execute(".Length;
            var sql = new StringBuilder();
            SkipSpace(text, ref i);
            var wrapped = Wrapper().Match(text, i);
            if (wrapped.Success && wrapped.Index == i)
            {
                i += wrapped.Length;
                SkipSpace(text, ref i);
            }

            while (i < end && text[i] is '"' or '\'' or 'r' or 'R' or 'u' or 'U' && (text[i] is '"' or '\'' || i + 1 < text.Length && text[i + 1] is '"' or '\''))
            {
                sql.Append(ReadString(text, ref i, shown));
                SkipSpace(text, ref i);
            }

            if (wrapped.Success && text[i] == ')')
            {
                i++;
                SkipSpace(text, ref i);
            }

            if (sql.Length == 0 || i >= text.Length || text[i] != ')')
            {
                throw new MigrationFileException(new SourceLocation(shown, line0), "op.execute takes one SQL string literal here; Ratchet cannot read a computed one");
            }

            i++;
            var tokens = SqlLexer.Tokenize(sql.ToString(), shown, line0);
            statements.AddRange(SqlStatementSplitter.Split(sql.ToString(), tokens, 0, tokens.Count).Select(s => s with { Line = line0 }));
        }

        return Script(statements);
    }

    private static bool Keyword(string text, int i, string word) =>
        text.AsSpan(i).StartsWith(word, StringComparison.Ordinal) && (i + word.Length >= text.Length || !char.IsLetterOrDigit(text[i + word.Length]));

    private static void SkipSpace(string text, ref int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }
    }

    /// <summary>A Python string literal ('...', "...", triple-quoted, r-prefixed) at <paramref name="i"/>, unescaped.</summary>
    private static string ReadString(string text, ref int i, string shown)
    {
        var raw = false;
        while (text[i] is 'r' or 'R' or 'u' or 'U')
        {
            raw |= text[i] is 'r' or 'R';
            i++;
        }

        var quote = text[i];
        var triple = i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote;
        var delimiter = triple ? new string(quote, 3) : quote.ToString();
        var from = i + delimiter.Length;
        var close = from;
        while (true)
        {
            close = text.IndexOf(delimiter, close, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new MigrationFileException(new SourceLocation(shown, LineOf(text, i)), "unterminated string");
            }

            if (raw || !Escaped(text, close))
            {
                break;
            }

            close++;
        }

        var body = text[from..close];
        i = close + delimiter.Length;
        return raw ? body : body.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\t", "\t", StringComparison.Ordinal)
            .Replace("\\'", "'", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
    }

    private static bool Escaped(string text, int at)
    {
        var slashes = 0;
        for (var k = at - 1; k >= 0 && text[k] == '\\'; k--)
        {
            slashes++;
        }

        return slashes % 2 == 1;
    }

    private static int LineOf(string text, int index) => text.AsSpan(0, Math.Min(index, text.Length)).Count('\n') + 1;

    [GeneratedRegex(@"^revision\s*(?::[^=\n]+)?=\s*['""](?<value>[^'""]+)['""]", RegexOptions.Multiline)]
    private static partial Regex RevisionLine();

    [GeneratedRegex(@"^(?:""""""|''')(?<first>[^\n]*)", RegexOptions.None)]
    private static partial Regex Docstring();

    [GeneratedRegex(@"['""](?<v>[^'""]+)['""]")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(?:sa\.)?text\(")]
    private static partial Regex Wrapper();
}
