namespace Ratchet.Revisions;

/// <summary>
/// The revisions of a project as a directed acyclic graph, as in Alembic: each revision names its parents (a merge
/// has several) and may depend on revisions of other branches. Building the graph checks it: duplicate ids, unknown
/// parents or dependencies, duplicate branch labels and cycles are errors that name the files involved.
/// </summary>
public sealed class RevisionGraph
{
    private readonly Dictionary<string, Revision> _byId;
    private readonly Dictionary<string, List<string>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _dependents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);

    /// <summary>Builds and checks the graph.</summary>
    /// <exception cref="RevisionGraphException">The revisions do not form a valid graph.</exception>
    public RevisionGraph(IEnumerable<Revision> revisions)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        var everything = revisions.ToList();
        _byId = IndexById(everything);
        Repeatables = everything.Where(r => r.Repeatable).OrderBy(r => r.Id, RevisionIdComparer.Instance).ToList();
        var all = everything.Where(r => !r.Repeatable).ToList();
        CheckReferences(all);
        CheckBranchLabels(all);
        foreach (var revision in all)
        {
            foreach (var parent in revision.Parents)
            {
                Add(_children, parent, revision.Id);
            }

            foreach (var required in revision.Requires.Distinct(StringComparer.Ordinal))
            {
                Add(_dependents, required, revision.Id);
            }
        }

        Ordered = TopologicalOrder(all);
        for (var i = 0; i < Ordered.Count; i++)
        {
            _position[Ordered[i].Id] = i;
        }

        Heads = Ordered.Where(r => !_children.ContainsKey(r.Id)).ToList();
        Bases = Ordered.Where(r => r.Parents.Count == 0).ToList();
    }

    /// <summary>Every revision, parents and dependencies before the revisions that need them (ties by id, digits by value).</summary>
    public IReadOnlyList<Revision> Ordered { get; }

    /// <summary>
    /// Repeatable revisions (Flyway's <c>R__</c>), outside the order: applied after the others, and again whenever their
    /// checksum changes.
    /// </summary>
    public IReadOnlyList<Revision> Repeatables { get; }

    /// <summary>The repeatable revisions to apply given the checksums recorded for them (missing or different).</summary>
    public IReadOnlyList<Revision> RepeatablesToApply(IReadOnlyDictionary<string, string?> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        return Repeatables.Where(r => !recorded.TryGetValue(r.Id, out var checksum) || checksum != r.Up.Checksum).ToList();
    }

    /// <summary>Revisions that no other revision revises.</summary>
    public IReadOnlyList<Revision> Heads { get; }

    /// <summary>Revisions without parents.</summary>
    public IReadOnlyList<Revision> Bases { get; }

    /// <summary>The number of revisions.</summary>
    public int Count => Ordered.Count;

    /// <summary>Whether a revision with exactly this id exists.</summary>
    public bool Contains(string id) => _byId.ContainsKey(id);

    /// <summary>The revision with exactly this id.</summary>
    public Revision this[string id] => _byId[id];

    /// <summary>The position of a revision in <see cref="Ordered"/>.</summary>
    public int PositionOf(string id) => _position[id];

    /// <summary>The revisions that name <paramref name="id"/> as a parent.</summary>
    public IReadOnlyList<string> ChildrenOf(string id) =>
        _children.TryGetValue(id, out var list) ? list : [];

    /// <summary>The revisions that name <paramref name="id"/> as a parent or a dependency.</summary>
    public IReadOnlyList<string> DependentsOf(string id) =>
        _dependents.TryGetValue(id, out var list) ? list : [];

    /// <summary>The revision and everything it needs, transitively (parents and dependencies).</summary>
    public HashSet<string> AncestorsAndSelf(string id) => Walk([id], r => _byId[r].Requires);

    /// <summary>The revisions and everything they need, transitively.</summary>
    public HashSet<string> AncestorsAndSelf(IEnumerable<string> ids) => Walk(ids, r => _byId[r].Requires);

    /// <summary>The revision and everything that needs it, transitively (children and dependents).</summary>
    public HashSet<string> DescendantsAndSelf(string id) => Walk([id], DependentsOf);

    /// <summary>
    /// Finds a revision by id, unique id prefix, or branch label.
    /// </summary>
    /// <exception cref="RevisionGraphException">No revision matches, or a prefix matches several.</exception>
    public Revision Resolve(string idOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(idOrPrefix);
        if (_byId.TryGetValue(idOrPrefix, out var exact))
        {
            return exact;
        }

        var labeled = Ordered.Where(r => r.BranchLabels.Contains(idOrPrefix, StringComparer.Ordinal)).ToList();
        if (labeled.Count == 1)
        {
            return labeled[0];
        }

        var matches = Ordered.Where(r => r.Id.StartsWith(idOrPrefix, StringComparison.Ordinal)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new RevisionGraphException($"unknown revision '{idOrPrefix}': no revision id, prefix or branch label matches it", []),
            _ => throw new RevisionGraphException(
                $"ambiguous revision prefix '{idOrPrefix}' matches {matches.Count} revisions: " +
                string.Join(", ", matches.Select(m => $"{m.Id} ({m.Source.File})")),
                matches.Select(m => m.Source.File).ToList()),
        };
    }

    private static Dictionary<string, Revision> IndexById(List<Revision> all)
    {
        var byId = new Dictionary<string, Revision>(StringComparer.Ordinal);
        foreach (var revision in all)
        {
            if (byId.TryGetValue(revision.Id, out var existing))
            {
                throw new RevisionGraphException(
                    $"duplicate revision id '{revision.Id}' in {existing.Source.File} and {revision.Source.File}",
                    [existing.Source.File, revision.Source.File])
                {
                    Hints = ["give one of them a new id (rename the file, or change its `-- ratchet:revision` line)"],
                };
            }

            byId.Add(revision.Id, revision);
        }

        return byId;
    }

    private void CheckReferences(List<Revision> all)
    {
        foreach (var revision in all)
        {
            foreach (var parent in revision.Parents.Where(p => !_byId.ContainsKey(p)))
            {
                throw new RevisionGraphException(
                    $"{revision.Source}: revision '{revision.Id}' revises unknown revision '{parent}'",
                    [revision.Source.File]);
            }

            foreach (var dependency in revision.DependsOn.Where(p => !_byId.ContainsKey(p)))
            {
                throw new RevisionGraphException(
                    $"{revision.Source}: revision '{revision.Id}' depends on unknown revision '{dependency}'",
                    [revision.Source.File]);
            }

            if (revision.Parents.Distinct(StringComparer.Ordinal).Count() != revision.Parents.Count)
            {
                throw new RevisionGraphException(
                    $"{revision.Source}: revision '{revision.Id}' names the same parent twice", [revision.Source.File]);
            }
        }
    }

    private static void CheckBranchLabels(List<Revision> all)
    {
        var owners = new Dictionary<string, Revision>(StringComparer.Ordinal);
        foreach (var revision in all)
        {
            foreach (var label in revision.BranchLabels)
            {
                if (owners.TryGetValue(label, out var other))
                {
                    throw new RevisionGraphException(
                        $"branch label '{label}' is used by {other.Id} ({other.Source.File}) and {revision.Id} ({revision.Source.File})",
                        [other.Source.File, revision.Source.File]);
                }

                owners.Add(label, revision);
            }
        }
    }

    private List<Revision> TopologicalOrder(List<Revision> all)
    {
        var remaining = all.ToDictionary(r => r.Id, r => r.Requires.Distinct(StringComparer.Ordinal).Count(), StringComparer.Ordinal);
        var ready = new SortedSet<string>(remaining.Where(p => p.Value == 0).Select(p => p.Key), RevisionIdComparer.Instance);
        var order = new List<Revision>(all.Count);
        while (ready.Count > 0)
        {
            var id = ready.Min!;
            ready.Remove(id);
            order.Add(_byId[id]);
            foreach (var dependent in _dependents.TryGetValue(id, out var list) ? list : [])
            {
                if (--remaining[dependent] == 0)
                {
                    ready.Add(dependent);
                }
            }
        }

        if (order.Count < all.Count)
        {
            var cycle = FindCycle(remaining.Where(p => p.Value > 0).Select(p => p.Key).ToHashSet(StringComparer.Ordinal));
            throw new RevisionGraphException(
                "the revisions form a cycle: " + string.Join(" -> ", cycle.Select(id => $"{id} ({_byId[id].Source.File})")),
                cycle.Distinct(StringComparer.Ordinal).Select(id => _byId[id].Source.File).ToList());
        }

        return order;
    }

    private List<string> FindCycle(HashSet<string> stuck)
    {
        // Every stuck revision requires another stuck revision; following requirements must loop.
        var path = new List<string>();
        var seenAt = new Dictionary<string, int>(StringComparer.Ordinal);
        var current = stuck.Order(StringComparer.Ordinal).First();
        while (!seenAt.ContainsKey(current))
        {
            seenAt[current] = path.Count;
            path.Add(current);
            current = _byId[current].Requires.First(stuck.Contains);
        }

        var cycle = path.Skip(seenAt[current]).ToList();
        cycle.Add(current);
        return cycle;
    }

    private static HashSet<string> Walk(IEnumerable<string> start, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(start, StringComparer.Ordinal);
        var stack = new Stack<string>(seen);
        while (stack.Count > 0)
        {
            foreach (var n in next(stack.Pop()))
            {
                if (seen.Add(n))
                {
                    stack.Push(n);
                }
            }
        }

        return seen;
    }

    private static void Add(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }
}
