using Ratchet.Revisions;
using Xunit;
using static Ratchet.Tests.Revisions.RevisionGraphTests;

namespace Ratchet.Tests.Revisions;

public sealed class PlannerTests
{
    // a - b - c          (branch "left" from b1)
    //      \- b1 - b2    (merge m joins c and b2)
    private static readonly RevisionGraph Graph = new([
        R("a"), R("b", ["a"]), R("c", ["b"]), R("b1", ["a"], labels: ["left"]), R("b2", ["b1"]), R("m", ["c", "b2"]),
    ]);

    private static List<string> Up(IReadOnlyList<string> applied, string target) =>
        Planner.PlanUp(Graph, applied, Target.Parse(target)).Steps.Select(s => s.Revision.Id).ToList();

    private static List<string> Down(IReadOnlyList<string> applied, string target) =>
        Planner.PlanDown(Graph, applied, Target.Parse(target)).Steps.Select(s => s.Revision.Id).ToList();

    [Fact]
    public void Up_to_head_applies_every_pending_revision_parents_first()
    {
        Assert.Equal(["a", "b", "b1", "b2", "c", "m"], Up([], "head"));
        Assert.Equal(["b1", "b2", "m"], Up(["a", "b", "c"], "head"));
    }

    [Fact]
    public void Up_to_a_revision_applies_only_what_it_needs()
    {
        Assert.Equal(["a", "b1", "b2"], Up([], "b2"));
        Assert.Equal(["a", "b", "b1", "b2", "c", "m"], Up([], "left@head"));
    }

    [Fact]
    public void Relative_up_takes_the_next_pending_revisions()
    {
        Assert.Equal(["a", "b"], Up([], "+2"));
        var error = Assert.Throws<TargetException>(() => Up(["a", "b", "c", "b1", "b2"], "+2"));
        Assert.Contains("only 1 revision(s) are pending", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Relative_down_reverts_the_most_recently_applied_revisions_nothing_else_needs()
    {
        Assert.Equal(["b1", "c"], Down(["a", "b", "c", "b1"], "-2"));
        Assert.Equal(["c", "b"], Down(["a", "b1", "b", "c"], "-2"));
        Assert.Equal(["m", "b2"], Down(["a", "b", "c", "b1", "b2", "m"], "-2"));
    }

    [Fact]
    public void Down_to_a_revision_reverts_its_descendants_dependents_first()
    {
        Assert.Equal(["m", "c", "b2", "b1", "b"], Down(["a", "b", "c", "b1", "b2", "m"], "a"));
    }

    [Fact]
    public void Branch_base_reverts_the_labeled_revision_and_what_depends_on_it()
    {
        Assert.Equal(["m", "b2", "b1"], Down(["a", "b", "c", "b1", "b2", "m"], "left@base"));
    }

    [Fact]
    public void Down_to_a_revision_that_is_not_applied_is_an_error()
    {
        var error = Assert.Throws<TargetException>(() => Down(["a"], "c"));

        Assert.Contains("'c' is not applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Walking_past_a_fork_is_ambiguous()
    {
        var error = Assert.Throws<TargetException>(() => Up([], "a@+1"));

        Assert.Contains("a has 2 children (b, b1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Head_with_several_heads_names_them_and_suggests_merge()
    {
        var twoHeads = new RevisionGraph([R("a"), R("b", ["a"]), R("c", ["a"])]);

        var error = Assert.Throws<TargetException>(() => Planner.PlanUp(twoHeads, [], Target.Head));

        Assert.Contains("there are 2 heads: b (m/b__x.sql), c (m/c__x.sql)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ratchet merge", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_direction_targets_are_errors()
    {
        Assert.Throws<TargetException>(() => Up([], "-1"));
        Assert.Throws<TargetException>(() => Down(["a"], "+1"));
        Assert.Throws<TargetException>(() => Down(["a"], "head"));
        Assert.Throws<TargetException>(() => Up([], "left@base"));
    }

    [Fact]
    public void Stamp_adds_ancestors_and_removes_descendants()
    {
        var stamped = Planner.StampedSet(Graph, ["a", "b", "c", "b1"], Target.Parse("b"));

        Assert.Equal(["a", "b", "b1"], stamped.Order());
    }

    [Fact]
    public void Depends_on_orders_across_branches_in_both_directions()
    {
        var graph = new RevisionGraph([R("a"), R("x"), R("b", ["a"], dependsOn: ["x"]), R("y", ["x"])]);

        Assert.Equal(["a", "x", "b"], Planner.PlanUp(graph, [], Target.Parse("b")).Steps.Select(s => s.Revision.Id));
        Assert.Equal(["b", "y"], Planner.PlanDown(graph, ["a", "x", "b", "y"], Target.Parse("x")).Steps.Select(s => s.Revision.Id).Order());
        var down = Planner.PlanDown(graph, ["a", "x", "b", "y"], Target.Base).Steps.Select(s => s.Revision.Id).ToList();
        Assert.True(down.IndexOf("b") < down.IndexOf("x"), string.Join(",", down));
        Assert.True(down.IndexOf("y") < down.IndexOf("x"), string.Join(",", down));
    }
}
