namespace Ratchet.Revisions;

/// <summary>
/// Gives revisions that do not name their parents the previous revision in id order (digits by value), as a chain;
/// the first is a root. Revisions from several sources (SQL files, C# migrations) are linked together.
/// </summary>
public static class RevisionLinker
{
    /// <summary>The revisions in id order, each with its parents.</summary>
    public static IReadOnlyList<Revision> Link(IEnumerable<Revision> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        var ordered = revisions.OrderBy(r => r.Id, RevisionIdComparer.Instance).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!ordered[i].RevisesStated)
            {
                ordered[i] = ordered[i] with { Parents = i == 0 ? [] : [ordered[i - 1].Id], RevisesStated = true };
            }
        }

        return ordered;
    }
}
