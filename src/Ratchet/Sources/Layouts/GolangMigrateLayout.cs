using System.Text.RegularExpressions;
using Ratchet.Revisions;

namespace Ratchet.Sources.Layouts;

/// <summary>golang-migrate: <c>{version}_{title}.up.sql</c> and <c>{version}_{title}.down.sql</c>, ordered by version.</summary>
public sealed partial class GolangMigrateLayout : MigrationLayout
{
    /// <inheritdoc />
    public override string Name => "golang-migrate";

    /// <inheritdoc />
    public override IReadOnlyList<string> Claims(string directory) =>
        Directory.EnumerateFiles(directory, "*.sql").Select(Path.GetFileName).OfType<string>().Where(f => File().IsMatch(f)).Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public override IReadOnlyList<Revision> Read(string directory, string display)
    {
        var files = Claims(directory).Select(f => (Name: f, Match: File().Match(f))).ToList();
        var revisions = new List<Revision>();
        foreach (var group in files.GroupBy(f => f.Match.Groups["version"].Value.TrimStart('0') is { Length: > 0 } v ? v : "0"))
        {
            var up = group.FirstOrDefault(f => f.Match.Groups["dir"].Value == "up");
            var down = group.FirstOrDefault(f => f.Match.Groups["dir"].Value == "down");
            if (up.Name is null)
            {
                throw new MigrationFileException(new SourceLocation(Path.Combine(display, group.First().Name), 1), $"version {group.Key} has a down file but no up file");
            }

            var upPath = Path.Combine(display, up.Name);
            revisions.Add(new Revision
            {
                Id = group.Key,
                Message = Words(up.Match.Groups["title"].Value),
                RevisesStated = false,
                Up = Script(System.IO.File.ReadAllText(Path.Combine(directory, up.Name)), upPath),
                Down = down.Name is null ? null : Script(System.IO.File.ReadAllText(Path.Combine(directory, down.Name)), Path.Combine(display, down.Name)),
                Source = new SourceLocation(upPath, 0),
                Kind = "sql",
                Layout = Name,
            });
        }

        return RevisionLinker.Link(revisions);
    }

    [GeneratedRegex(@"^(?<version>\d+)_(?<title>.+)\.(?<dir>up|down)\.sql$")]
    private static partial Regex File();
}
