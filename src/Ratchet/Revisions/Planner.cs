namespace Ratchet.Revisions;

/// <summary>
/// Turns (applied revisions, target) into ordered steps. An upgrade applies what the target needs, parents and
/// dependencies first; a downgrade reverts dependents before what they depend on.
/// </summary>
public static class Planner
{
    /// <summary>Plans an upgrade.</summary>
    /// <param name="graph">The revisions.</param>
    /// <param name="applied">The applied revision ids, in the order they were applied.</param>
    /// <param name="target">Where to go.</param>
    /// <exception cref="TargetException">The target does not exist or is not an upgrade target.</exception>
    public static MigrationPlan PlanUp(RevisionGraph graph, IReadOnlyList<string> applied, Target target)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(target);
        var done = applied.ToHashSet(StringComparer.Ordinal);
        if (target.Kind == TargetKind.Relative)
        {
            return PlanUpRelative(graph, done, target);
        }

        var goals = UpGoals(graph, target);
        var closure = new HashSet<string>(StringComparer.Ordinal);
        foreach (var goal in goals)
        {
            closure.UnionWith(graph.AncestorsAndSelf(goal.Id));
        }

        var steps = graph.Ordered
            .Where(r => closure.Contains(r.Id) && !done.Contains(r.Id))
            .Select(r => new PlanStep(r, Direction.Up))
            .ToList();
        return new MigrationPlan(Direction.Up, target, steps);
    }

    /// <summary>Plans a downgrade.</summary>
    /// <param name="graph">The revisions.</param>
    /// <param name="applied">The applied revision ids, in the order they were applied.</param>
    /// <param name="target">Where to go.</param>
    /// <exception cref="TargetException">The target does not exist, is not applied, or a revision cannot be reverted.</exception>
    public static MigrationPlan PlanDown(RevisionGraph graph, IReadOnlyList<string> applied, Target target)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(target);
        var done = applied.ToHashSet(StringComparer.Ordinal);
        var ordered = target.Kind == TargetKind.Relative
            ? DownRelative(graph, applied, target)
            : OrderForDown(graph, DownSet(graph, done, target));
        foreach (var id in ordered.Where(id => !graph.Contains(id)))
        {
            throw new TargetException($"applied revision '{id}' has no migration file, so it cannot be reverted");
        }

        var steps = ordered.Select(id => graph[id]).ToList();
        foreach (var revision in steps.Where(r => r.Down is null && !r.Online))
        {
            throw new TargetException(
                $"{revision.Source}: revision '{revision.Id}' has no down section, so it cannot be reverted; " +
                "add a `-- ratchet:down` section, or stop before it");
        }

        return new MigrationPlan(Direction.Down, target, steps.Select(r => new PlanStep(r, Direction.Down)).ToList());
    }

    /// <summary>
    /// The applied set after stamping <paramref name="target"/>: the target and its ancestors applied; revisions that
    /// descend from it removed; others untouched. <c>base</c> clears everything.
    /// </summary>
    public static HashSet<string> StampedSet(RevisionGraph graph, IReadOnlyList<string> applied, Target target)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(target);
        if (target.Kind == TargetKind.Base)
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var result = applied.ToHashSet(StringComparer.Ordinal);
        foreach (var goal in UpGoals(graph, target))
        {
            result.ExceptWith(graph.DescendantsAndSelf(goal.Id));
            result.UnionWith(graph.AncestorsAndSelf(goal.Id));
        }

        return result;
    }

    private static IReadOnlyList<Revision> UpGoals(RevisionGraph graph, Target target) => target.Kind switch
    {
        TargetKind.Head => [SingleHead(graph)],
        TargetKind.Heads => graph.Heads,
        TargetKind.Base => [],
        TargetKind.Revision => [graph.Resolve(target.Revision!)],
        TargetKind.BranchHead => [BranchHead(graph, target)],
        TargetKind.RevisionRelative => WalkTo(graph, target) is { BelowIt: false } walked ? [walked.Revision] : [],
        TargetKind.BranchBase => throw new TargetException($"'{target}' is a downgrade target; use `ratchet down {target}`"),
        TargetKind.Relative => throw new InvalidOperationException("relative targets are planned separately"),
        _ => throw new TargetException($"unsupported target '{target}'"),
    };

    /// <summary>The only head, or an error naming every head when there are several.</summary>
    public static Revision SingleHead(RevisionGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Heads.Count switch
        {
            1 => graph.Heads[0],
            0 => throw new TargetException("there are no revisions"),
            _ => throw new TargetException(
                $"there are {graph.Heads.Count} heads: " +
                string.Join(", ", graph.Heads.Select(h => $"{h.Id} ({h.Source.File})")) +
                "; join them with `ratchet merge`, or name a target (`heads`, a revision id, label@head)"),
        };
    }

    private static Revision BranchHead(RevisionGraph graph, Target target)
    {
        var start = graph.Resolve(target.Revision!);
        var heads = Lineage(graph, start.Id).Where(id => graph.ChildrenOf(id).Count == 0).Order(StringComparer.Ordinal).ToList();
        return heads.Count == 1
            ? graph[heads[0]]
            : throw new TargetException($"'{target}' is ambiguous: the branch has {heads.Count} heads ({string.Join(", ", heads)})");
    }

    private static HashSet<string> Lineage(RevisionGraph graph, string id)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { id };
        var stack = new Stack<string>([id]);
        while (stack.Count > 0)
        {
            foreach (var child in graph.ChildrenOf(stack.Pop()).Where(seen.Add))
            {
                stack.Push(child);
            }
        }

        return seen;
    }

    /// <summary>Where <c>rev@+N</c> or <c>rev@-N</c> lands: a revision, or the point just below a root.</summary>
    private sealed record Walked(Revision Revision, bool BelowIt);

    private static Walked WalkTo(RevisionGraph graph, Target target)
    {
        var current = graph.Resolve(target.Revision!);
        for (var i = 0; i < Math.Abs(target.Steps); i++)
        {
            var next = target.Steps > 0
                ? graph.ChildrenOf(current.Id)
                : current.Parents;
            if (next.Count == 0 && target.Steps < 0)
            {
                return i == Math.Abs(target.Steps) - 1
                    ? new Walked(current, BelowIt: true)
                    : throw new TargetException($"'{target}' goes below base");
            }

            current = next.Count switch
            {
                1 => graph[next[0]],
                0 => throw new TargetException($"'{target}' goes past head: {current.Id} has no child"),
                _ => throw new TargetException(
                    $"'{target}' is ambiguous: {current.Id} has {next.Count} {(target.Steps > 0 ? "children" : "parents")} ({string.Join(", ", next)})"),
            };
        }

        return new Walked(current, BelowIt: false);
    }

    private static MigrationPlan PlanUpRelative(RevisionGraph graph, HashSet<string> done, Target target)
    {
        if (target.Steps < 0)
        {
            throw new TargetException($"'{target}' goes down; use `ratchet down {target}`");
        }

        var pending = graph.Ordered.Where(r => !done.Contains(r.Id)).ToList();
        if (pending.Count < target.Steps)
        {
            throw new TargetException($"'{target}': only {pending.Count} revision(s) are pending");
        }

        return new MigrationPlan(Direction.Up, target, pending.Take(target.Steps).Select(r => new PlanStep(r, Direction.Up)).ToList());
    }

    private static HashSet<string> DownSet(RevisionGraph graph, HashSet<string> done, Target target)
    {
        switch (target.Kind)
        {
            case TargetKind.Base:
                return done;
            case TargetKind.Revision:
            case TargetKind.RevisionRelative:
                var walked = target.Kind == TargetKind.Revision ? new Walked(graph.Resolve(target.Revision!), false) : WalkTo(graph, target);
                var revision = walked.Revision;
                if (walked.BelowIt)
                {
                    var all = graph.DescendantsAndSelf(revision.Id);
                    all.IntersectWith(done);
                    return all;
                }

                if (!done.Contains(revision.Id))
                {
                    throw new TargetException($"revision '{revision.Id}' is not applied, so there is nothing to go down to; see `ratchet status`");
                }

                var below = graph.DescendantsAndSelf(revision.Id);
                below.Remove(revision.Id);
                below.IntersectWith(done);
                return below;
            case TargetKind.BranchBase:
                var first = graph.Resolve(target.Revision!);
                var branch = graph.DescendantsAndSelf(first.Id);
                branch.IntersectWith(done);
                return branch;
            default:
                throw new TargetException($"'{target}' is an upgrade target; use `ratchet up {target}`");
        }
    }

    private static List<string> OrderForDown(RevisionGraph graph, HashSet<string> toRevert)
    {
        var unknown = toRevert.Where(id => !graph.Contains(id)).Order(StringComparer.Ordinal);
        return unknown
            .Concat(graph.Ordered.Reverse().Select(r => r.Id).Where(toRevert.Contains))
            .ToList();
    }

    private static List<string> DownRelative(RevisionGraph graph, IReadOnlyList<string> applied, Target target)
    {
        if (target.Steps > 0)
        {
            throw new TargetException($"'{target}' goes up; use `ratchet up {target}`");
        }

        var count = -target.Steps;
        if (count > applied.Count)
        {
            throw new TargetException($"'{target}': only {applied.Count} revision(s) are applied");
        }

        var remaining = applied.ToList();
        var picked = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            // The most recently applied revision that nothing still applied needs.
            var next = remaining.FindLastIndex(id =>
                !graph.Contains(id) || !graph.DescendantsAndSelf(id).Any(d => d != id && remaining.Contains(d, StringComparer.Ordinal)));
            picked.Add(remaining[next]);
            remaining.RemoveAt(next);
        }

        return picked;
    }
}
