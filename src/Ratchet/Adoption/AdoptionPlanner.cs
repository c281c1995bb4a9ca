using System.Numerics;
using Ratchet.Revisions;

namespace Ratchet.Adoption;

/// <summary>
/// Maps another tool's history entries to Ratchet revisions: by id; by the number the id holds (<c>00001</c> is 1);
/// by the id before the first underscore (EF Core's <c>20240101000001_CreateAccounts</c>); by the file the tool
/// recorded (DbUp's <c>Namespace.Scripts.0001__x.sql</c>, grate's script name, Flyway's script). Then the set to record:
/// each entry's revision (or, for golang-migrate and a Flyway baseline, every revision up to its version; for Alembic,
/// a head and its ancestors).
/// </summary>
public static class AdoptionPlanner
{
    /// <summary>The plan for these entries against this graph.</summary>
    public static AdoptionPlan Plan(string tool, IReadOnlyList<ForeignEntry> entries, RevisionGraph graph)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(graph);
        var revisions = graph.Ordered.Concat(graph.Repeatables).ToList();
        var mapped = new List<(ForeignEntry, Revision)>();
        var unmapped = new List<(ForeignEntry, string)>();
        var broken = new List<(ForeignEntry, string)>();
        var applied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var matches = revisions.Where(r => Keys(r).Overlaps(Keys(entry))).ToList();
            if (entry.State is ForeignState.Failed or ForeignState.Dirty)
            {
                broken.Add((entry, Fix(tool, entry)));
                continue;
            }

            if (entry.Reach == ForeignReach.UpToVersion && entry.State == ForeignState.Applied && Number(entry.Identity) is { } limit)
            {
                var upTo = graph.Ordered.Where(r => Number(r.Id) is { } n && n <= limit).ToList();
                if (matches.Count == 0 && upTo.Count == 0)
                {
                    unmapped.Add((entry, "no revision has a version up to it"));
                    continue;
                }

                applied.UnionWith(upTo.Select(r => r.Id));
                mapped.AddRange(upTo.Select(r => (entry, r)));
                continue;
            }

            if (matches.Count != 1)
            {
                unmapped.Add((entry, matches.Count == 0 ? "no revision matches it" : $"it matches {matches.Count} revisions ({string.Join(", ", matches.Select(m => m.Id))})"));
                continue;
            }

            var revision = matches[0];
            if (entry.State == ForeignState.Reverted)
            {
                applied.Remove(revision.Id);
                continue;
            }

            mapped.Add((entry, revision));
            if (entry.Reach == ForeignReach.WithAncestors)
            {
                applied.UnionWith(graph.AncestorsAndSelf(revision.Id));
            }
            else
            {
                applied.Add(revision.Id);
            }
        }

        var gaps = applied.Where(id => !graph[id].Repeatable).SelectMany(id => graph.AncestorsAndSelf(id)).Where(id => !applied.Contains(id)).Distinct(StringComparer.Ordinal)
            .Select(id => $"revision {id} ({graph[id].Source.File}) is not recorded by {tool}, though revisions that need it are").ToList();
        return new AdoptionPlan
        {
            Applied = graph.Ordered.Concat(graph.Repeatables).Where(r => applied.Contains(r.Id)).ToList(),
            Mapped = mapped,
            Unmapped = unmapped,
            Broken = broken,
            Gaps = gaps,
        };
    }

    private static HashSet<string> Keys(Revision revision)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { revision.Id, Path.GetFileName(revision.Source.File), Path.GetFileNameWithoutExtension(revision.Source.File) };
        if (Number(revision.Id) is { } n)
        {
            keys.Add("#" + n);
        }

        return keys;
    }

    private static HashSet<string> Keys(ForeignEntry entry)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal) { entry.Identity };
        if (Number(entry.Identity) is { } n)
        {
            keys.Add("#" + n);
        }

        var underscore = entry.Identity.IndexOf('_', StringComparison.Ordinal);
        if (underscore > 0)
        {
            keys.Add(entry.Identity[..underscore]);
        }

        if (entry.Script is { } script)
        {
            // DbUp records embedded resources as Namespace.Folder.File.sql: the file name is the last dotted part before the extension.
            var file = Path.GetFileName(script.Replace('\\', '/'));
            keys.Add(file);
            keys.Add(Path.GetFileNameWithoutExtension(file));
            var stem = Path.GetFileNameWithoutExtension(file);
            keys.Add(stem[(stem.LastIndexOf('.') + 1)..]);
            keys.Add(stem[(stem.LastIndexOf('.') + 1)..] + ".sql");
        }

        return keys;
    }

    private static BigInteger? Number(string id) =>
        id.Length > 0 && id.All(char.IsAsciiDigit) ? BigInteger.Parse(id, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static string Fix(string tool, ForeignEntry entry) => (tool, entry.State) switch
    {
        ("golang-migrate", _) => $"golang-migrate left version {entry.Identity} dirty (it failed part-way): repair the database by hand, then `migrate force {entry.Identity}` " +
            "(or the previous version) so the table says where it really is, and adopt again",
        ("flyway", _) => $"Flyway recorded {entry.Shown} as failed: fix the database by hand and run `flyway repair` (it removes failed rows), then adopt again",
        ("evolve", _) => $"Evolve recorded {entry.Shown} as failed: fix the database by hand and remove or correct that row, then adopt again",
        _ => $"{tool} recorded {entry.Shown} as not completed: fix it with {tool}, then adopt again",
    };
}
