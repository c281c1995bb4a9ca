using System.Text.RegularExpressions;
using Ratchet.Revisions;

namespace Ratchet.Sources.Layouts;

/// <summary>
/// Flyway: versioned <c>V{version}__{description}.sql</c> (underscores in the version are dots: <c>V1_1</c> is 1.1),
/// their undo <c>U{version}__{description}.sql</c> as the down, and repeatable <c>R__{description}.sql</c>, applied
/// after the versioned ones and again whenever their checksum changes. The id is the version (<c>1.1</c>), or
/// <c>R__description</c> for a repeatable.
/// </summary>
public sealed partial class FlywayLayout : MigrationLayout
{
    /// <inheritdoc />
    public override string Name => "flyway";

    /// <inheritdoc />
    public override IReadOnlyList<string> Claims(string directory) =>
        Directory.EnumerateFiles(directory, "*.sql").Select(Path.GetFileName).OfType<string>().Where(f => FileName().IsMatch(f)).Order(StringComparer.Ordinal).ToList();

    /// <inheritdoc />
    public override IReadOnlyList<Revision> Read(string directory, string display)
    {
        var files = Claims(directory).Select(f => (Name: f, Match: FileName().Match(f))).ToList();
        string Version(Match m) => m.Groups["version"].Value.Replace('_', '.');
        var undo = files.Where(f => f.Match.Groups["prefix"].Value == "U").ToDictionary(f => Version(f.Match), f => f.Name, StringComparer.Ordinal);
        var revisions = new List<Revision>();
        foreach (var (name, match) in files.Where(f => f.Match.Groups["prefix"].Value != "U"))
        {
            var shown = Path.Combine(display, name);
            var repeatable = match.Groups["prefix"].Value == "R";
            var version = Version(match);
            revisions.Add(new Revision
            {
                Id = repeatable ? Path.GetFileNameWithoutExtension(name) : version,
                Message = Words(match.Groups["description"].Value),
                RevisesStated = repeatable,
                Up = Script(File.ReadAllText(Path.Combine(directory, name)), shown),
                Down = !repeatable && undo.TryGetValue(version, out var down) ? Script(File.ReadAllText(Path.Combine(directory, down)), Path.Combine(display, down)) : null,
                Repeatable = repeatable,
                Source = new SourceLocation(shown, 0),
                Kind = "sql",
                Layout = Name,
            });
        }

        foreach (var orphan in undo.Where(u => revisions.All(r => r.Id != u.Key)))
        {
            throw new MigrationFileException(new SourceLocation(Path.Combine(display, orphan.Value), 1), $"undo file for version {orphan.Key}, which has no V file");
        }

        return RevisionLinker.Link(revisions);
    }

    [GeneratedRegex(@"^(?<prefix>[VUR])(?<version>[0-9][0-9._]*)?__(?<description>.+)\.sql$")]
    private static partial Regex FileName();
}
