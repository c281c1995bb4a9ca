using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>Compares the revision files with the history rows: changed, unknown, missing and failed revisions.</summary>
internal static class Validator
{
    /// <summary>Every problem found, in graph order.</summary>
    public static IReadOnlyList<ValidationProblem> Validate(RevisionGraph graph, IReadOnlyList<HistoryEntry> history)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(history);
        var problems = new List<ValidationProblem>();
        var applied = history.Where(h => h.IsApplied).ToDictionary(h => h.RevisionId, StringComparer.Ordinal);
        foreach (var entry in history)
        {
            if (!graph.Contains(entry.RevisionId))
            {
                problems.Add(new(ValidationProblemKind.Unknown, entry.RevisionId, null,
                    $"revision {entry.RevisionId} is recorded in the database ({entry.StateName}) but no migration file defines it"));
                continue;
            }

            var revision = graph[entry.RevisionId];
            if (!entry.IsApplied)
            {
                var next = entry.IsPartlyReverted ? "run `ratchet down` to finish reverting it" : "fix the file and run `ratchet up` to resume";
                problems.Add(new(ValidationProblemKind.Failed, entry.RevisionId, revision.Source.File,
                    $"{revision.Source.File}: revision {entry.RevisionId} is {entry.StateName} part-way" +
                    (entry.Error is null ? "" : $": {entry.Error}") + $"; {next}, or clear it with `ratchet repair`"));
                continue;
            }

            var changed = new List<string>();
            if (revision.Repeatable)
            {
                // A changed repeatable is pending, not a mismatch.
                continue;
            }

            if (entry.ChecksumUp is not null && entry.ChecksumUp != revision.Up.Checksum)
            {
                changed.Add("up");
            }

            if (entry.ChecksumDown is not null && entry.ChecksumDown != revision.Down?.Checksum)
            {
                changed.Add("down");
            }

            if (changed.Count > 0)
            {
                problems.Add(new(ValidationProblemKind.Changed, entry.RevisionId, revision.Source.File,
                    $"{revision.Source.File}: revision {entry.RevisionId} is applied but its {string.Join(" and ", changed)} section changed since; " +
                    "restore the file, or put the change in a new revision"));
            }
        }

        var needed = graph.AncestorsAndSelf(applied.Keys.Where(graph.Contains));
        foreach (var revision in graph.Ordered.Where(r => needed.Contains(r.Id) && !applied.ContainsKey(r.Id)))
        {
            var needers = graph.DependentsOf(revision.Id).Where(applied.ContainsKey).Order(StringComparer.Ordinal);
            problems.Add(new(ValidationProblemKind.Missing, revision.Id, revision.Source.File,
                $"{revision.Source.File}: revision {revision.Id} is not applied, but {string.Join(", ", needers)} which need(s) it is; " +
                $"apply it with `ratchet up {revision.Id}`"));
        }

        return problems;
    }
}
