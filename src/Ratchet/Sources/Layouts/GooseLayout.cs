using System.Globalization;
using System.Text.RegularExpressions;
using Ratchet.Revisions;

namespace Ratchet.Sources.Layouts;

/// <summary>
/// goose SQL migrations: <c>{version}_{name}.sql</c> with <c>-- +goose Up</c> and <c>-- +goose Down</c>; a block between
/// <c>-- +goose StatementBegin</c> and <c>-- +goose StatementEnd</c> is one statement whatever semicolons it holds;
/// <c>-- +goose NO TRANSACTION</c> runs the file outside a transaction. The id is the version as a number.
/// </summary>
public sealed partial class GooseLayout : MigrationLayout
{
    /// <inheritdoc />
    public override string Name => "goose";

    /// <inheritdoc />
    public override IReadOnlyList<string> Claims(string directory) =>
        Directory.EnumerateFiles(directory, "*.sql").Where(f => FileName().IsMatch(Path.GetFileName(f)) && Annotation().IsMatch(System.IO.File.ReadAllText(f)))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public override IReadOnlyList<Revision> Read(string directory, string display) => RevisionLinker.Link(Claims(directory).Select(name =>
    {
        var shown = Path.Combine(display, name);
        var lines = System.IO.File.ReadAllLines(Path.Combine(directory, name));
        var sections = new Dictionary<string, List<SqlStatement>>(StringComparer.Ordinal);
        var transactional = true;
        string? section = null;
        List<string>? block = null;
        var blockLine = 0;
        var pending = new List<(string Text, int Line)>();

        void FlushPlain()
        {
            if (section is not null && pending.Count > 0)
            {
                var text = string.Join("\n", pending.Select(p => p.Text));
                var tokens = SqlLexer.Tokenize(text, shown, pending[0].Line);
                sections[section].AddRange(SqlStatementSplitter.Split(text, tokens, 0, tokens.Count));
            }

            pending.Clear();
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var annotation = Annotation().Match(lines[i]);
            if (!annotation.Success)
            {
                if (block is not null)
                {
                    block.Add(lines[i]);
                }
                else
                {
                    pending.Add((lines[i], i + 1));
                }

                continue;
            }

            switch (annotation.Groups["what"].Value.ToUpperInvariant())
            {
                case "UP" or "DOWN":
                    FlushPlain();
                    section = annotation.Groups["what"].Value.ToUpperInvariant();
                    sections[section] = [];
                    break;
                case "STATEMENTBEGIN":
                    FlushPlain();
                    block = [];
                    blockLine = i + 2;
                    break;
                case "STATEMENTEND" when block is not null && section is not null:
                    var sql = string.Join("\n", block).Trim().TrimEnd(';').TrimEnd();
                    sections[section].Add(new SqlStatement(sql, blockLine));
                    block = null;
                    break;
                case "NO TRANSACTION":
                    transactional = false;
                    break;
                case "ENVSUB ON" or "ENVSUB OFF":
                    break;
                default:
                    throw new MigrationFileException(new SourceLocation(shown, i + 1), $"unknown goose annotation `{lines[i].Trim()}`");
            }
        }

        if (block is not null)
        {
            throw new MigrationFileException(new SourceLocation(shown, blockLine - 1), "`-- +goose StatementBegin` without `-- +goose StatementEnd`");
        }

        FlushPlain();
        if (!sections.TryGetValue("UP", out var up))
        {
            throw new MigrationFileException(new SourceLocation(shown, 1), "no `-- +goose Up` annotation");
        }

        var file = FileName().Match(name);
        return new Revision
        {
            Id = long.Parse(file.Groups["version"].Value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
            Message = Words(file.Groups["name"].Value),
            RevisesStated = false,
            Up = Script(up),
            Down = sections.TryGetValue("DOWN", out var down) ? Script(down) : null,
            Transactional = transactional,
            Source = new SourceLocation(shown, 0),
            Kind = "sql",
            Layout = Name,
        };
    }).ToList());

    [GeneratedRegex(@"^(?<version>\d+)_(?<name>.+)\.sql$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^[ \t]*--[ \t]*\+goose[ \t]+(?<what>Up|Down|StatementBegin|StatementEnd|NO TRANSACTION|ENVSUB ON|ENVSUB OFF|\S+)[ \t]*\r?$", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex Annotation();
}
