using Ratchet.Revisions;

namespace Ratchet.Sources.Layouts;

/// <summary>
/// The layouts Ratchet reads, and the detection that picks one: a folder may hold only one. Native Ratchet files are
/// read by <see cref="SqlFileSource"/>; the others here.
/// </summary>
public static class MigrationLayouts
{
    /// <summary>Every foreign layout, by name.</summary>
    public static IReadOnlyList<MigrationLayout> Foreign { get; } =
        [new GolangMigrateLayout(), new DbmateLayout(), new GooseLayout(), new FlywayLayout(), new FolderLayout(), new AlembicLayout()];

    /// <summary>The names <c>--layout</c> takes.</summary>
    public static IReadOnlyList<string> Names { get; } = ["native", .. Foreign.Select(l => l.Name)];

    /// <summary>The foreign layout of that name, or null for <c>native</c>.</summary>
    /// <exception cref="RatchetException">Unknown name (bad input).</exception>
    public static MigrationLayout? Named(string name) => name == "native" ? null
        : Foreign.FirstOrDefault(l => l.Name == name)
          ?? throw new RatchetException(RatchetErrorKind.BadInput, $"unknown layout '{name}'; known: {string.Join(", ", Names)}");

    /// <summary>
    /// The foreign layout the folder holds, or null when it holds native files (or nothing). Two layouts in one folder
    /// are an error naming a file of each.
    /// </summary>
    /// <exception cref="RatchetException">The folder mixes layouts.</exception>
    public static MigrationLayout? Detect(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        // A file with a Ratchet header is native whatever its name (a converted R__name.sql keeps its name).
        var sql = Directory.EnumerateFiles(directory, "*.sql").ToList();
        var headed = sql.Where(IsNative).Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var allHeaded = headed.Count == sql.Count;
        var found = Foreign.Where(l => !(allHeaded && l.ClaimsOnlyTopLevelSqlFiles))
            .Select(l => (Layout: l, Files: l.Claims(directory).Where(f => !headed.Contains(f)).ToList())).Where(x => x.Files.Count > 0).ToList();
        var native = sql.Select(Path.GetFileName).OfType<string>()
            .Where(f => found.All(x => !x.Files.Contains(f, StringComparer.Ordinal))).ToList();
        if (found.Count + (native.Count > 0 ? 1 : 0) > 1)
        {
            var named = found.Select(x => $"{x.Layout.Name} ({x.Files[0]})").Concat(native.Count > 0 ? [$"native ({native[0]})"] : []);
            throw new RatchetException(RatchetErrorKind.BadInput, $"the migrations folder holds files of more than one layout: {string.Join(" and ", named)}")
            {
                Hints = ["a folder holds one layout: move the others out, or convert them with `ratchet convert --to native`"],
            };
        }

        return found.Count == 1 ? found[0].Layout : null;
    }

    private static bool IsNative(string file)
    {
        using var reader = new StreamReader(file);
        while (reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                // A header directive (files named by their id begin with `-- ratchet:revises` or `-- ratchet:message`);
                // not a statement's annotation such as `-- ratchet:ignore`, which a foreign file may carry too.
                var trimmed = line.TrimStart();
                const string prefix = "-- ratchet:";
                return trimmed.StartsWith(prefix, StringComparison.Ordinal) &&
                       SqlMigrationFileParser.IsFileDirective(trimmed[prefix.Length..].Split(' ', 2)[0].Trim());
            }
        }

        return false;
    }

    /// <summary>The revisions of the folder in the layout given (or detected), linked where they name no parents.</summary>
    public static IReadOnlyList<Revision> Read(string directory, string display, string? layout)
    {
        var chosen = layout is null ? Detect(directory) : Named(layout);
        return chosen is null ? SqlFileSource.Read(directory, display) : chosen.Read(directory, display);
    }
}
