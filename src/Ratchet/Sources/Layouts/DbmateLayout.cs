using System.Text.RegularExpressions;
using Ratchet.Revisions;

namespace Ratchet.Sources.Layouts;

/// <summary>
/// dbmate: <c>{version}_{name}.sql</c> (a timestamp version) with <c>-- migrate:up</c> and <c>-- migrate:down</c>;
/// <c>-- migrate:up transaction:false</c> runs the up outside a transaction.
/// </summary>
public sealed partial class DbmateLayout : MigrationLayout
{
    /// <inheritdoc />
    public override string Name => "dbmate";

    /// <inheritdoc />
    public override IReadOnlyList<string> Claims(string directory) =>
        Directory.EnumerateFiles(directory, "*.sql").Where(f => FileName().IsMatch(Path.GetFileName(f)) && Marker().IsMatch(System.IO.File.ReadAllText(f)))
            .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public override IReadOnlyList<Revision> Read(string directory, string display) => RevisionLinker.Link(Claims(directory).Select(name =>
    {
        var shown = Path.Combine(display, name);
        var text = System.IO.File.ReadAllText(Path.Combine(directory, name));
        var markers = Marker().Matches(text).ToList();
        var up = markers.FirstOrDefault(m => m.Groups["dir"].Value == "up")
            ?? throw new MigrationFileException(new SourceLocation(shown, 1), "no `-- migrate:up` line");
        var down = markers.FirstOrDefault(m => m.Groups["dir"].Value == "down");
        string Section(Match m) => text[(m.Index + m.Length)..(markers.FirstOrDefault(x => x.Index > m.Index)?.Index ?? text.Length)];
        int Line(Match m) => text[..(m.Index + m.Length)].Count(c => c == '\n') + 1;
        var options = up.Groups["options"].Value;
        var file = FileName().Match(name);
        return new Revision
        {
            Id = file.Groups["version"].Value,
            Message = Words(file.Groups["name"].Value),
            RevisesStated = false,
            Up = Script(Section(up), shown, Line(up)),
            Down = down is null ? null : Script(Section(down), shown, Line(down)),
            Transactional = !options.Contains("transaction:false", StringComparison.Ordinal),
            Source = new SourceLocation(shown, 0),
            Kind = "sql",
            Layout = Name,
        };
    }).ToList());

    [GeneratedRegex(@"^(?<version>\d+)_(?<name>.+)\.sql$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"^--\s*migrate:(?<dir>up|down)(?<options>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex Marker();
}
