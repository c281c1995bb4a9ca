using Ratchet.Revisions;
using Ratchet.Sources;
using Xunit;

namespace Ratchet.Tests.Revisions;

public sealed class RevisionGraphTests
{
    internal static Revision R(string id, string[]? parents = null, string[]? dependsOn = null, string[]? labels = null) => new()
    {
        Id = id,
        Parents = parents ?? [],
        DependsOn = dependsOn ?? [],
        BranchLabels = labels ?? [],
        Up = new SqlScript([], "up-" + id),
        Down = new SqlScript([], "down-" + id),
        Source = new SourceLocation($"m/{id}__x.sql", 0),
    };

    [Fact]
    public void Orders_parents_first_with_ties_broken_by_id()
    {
        var graph = new RevisionGraph([R("c", ["a"]), R("b", ["a"]), R("a"), R("d", ["b", "c"])]);

        Assert.Equal(["a", "b", "c", "d"], graph.Ordered.Select(r => r.Id));
        Assert.Equal(["d"], graph.Heads.Select(r => r.Id));
        Assert.Equal(["a"], graph.Bases.Select(r => r.Id));
        Assert.True(graph["d"].IsMerge);
    }

    [Fact]
    public void Two_children_of_one_parent_are_two_heads()
    {
        var graph = new RevisionGraph([R("a"), R("b", ["a"]), R("c", ["a"])]);

        Assert.Equal(["b", "c"], graph.Heads.Select(r => r.Id));
    }

    [Fact]
    public void A_duplicate_id_names_both_files()
    {
        var first = R("a");
        var second = R("a") with { Source = new SourceLocation("m/a__other.sql", 0) };

        var error = Assert.Throws<RevisionGraphException>(() => new RevisionGraph([first, second]));

        Assert.Equal("duplicate revision id 'a' in m/a__x.sql and m/a__other.sql", error.Message);
        Assert.Equal(["m/a__x.sql", "m/a__other.sql"], error.Files);
    }

    [Fact]
    public void An_unknown_parent_names_the_file()
    {
        var error = Assert.Throws<RevisionGraphException>(() => new RevisionGraph([R("a"), R("b", ["zz"])]));

        Assert.Equal("m/b__x.sql: revision 'b' revises unknown revision 'zz'", error.Message);
    }

    [Fact]
    public void An_unknown_dependency_names_the_file()
    {
        var error = Assert.Throws<RevisionGraphException>(() => new RevisionGraph([R("a", dependsOn: ["q"])]));

        Assert.Contains("depends on unknown revision 'q'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_names_every_file_in_it()
    {
        var error = Assert.Throws<RevisionGraphException>(() => new RevisionGraph([R("root"), R("a", ["c"]), R("b", ["a"]), R("c", ["b"])]));

        Assert.StartsWith("the revisions form a cycle: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(["m/a__x.sql", "m/b__x.sql", "m/c__x.sql"], error.Files.Order());
    }

    [Fact]
    public void A_revision_that_revises_itself_is_a_cycle()
    {
        Assert.Throws<RevisionGraphException>(() => new RevisionGraph([R("a", ["a"])]));
    }

    [Fact]
    public void Prefixes_resolve_when_unique_and_fail_naming_the_candidates_when_not()
    {
        var graph = new RevisionGraph([R("20260101_001"), R("20260101_002", ["20260101_001"]), R("20260202_001", ["20260101_002"])]);

        Assert.Equal("20260202_001", graph.Resolve("202602").Id);
        var error = Assert.Throws<RevisionGraphException>(() => graph.Resolve("20260101"));
        Assert.Contains("ambiguous revision prefix '20260101' matches 2 revisions", error.Message, StringComparison.Ordinal);
        Assert.Equal(["m/20260101_001__x.sql", "m/20260101_002__x.sql"], error.Files);
    }

    [Fact]
    public void Branch_labels_resolve_and_must_be_unique()
    {
        var graph = new RevisionGraph([R("a"), R("b", ["a"], labels: ["feature"])]);
        Assert.Equal("b", graph.Resolve("feature").Id);

        var error = Assert.Throws<RevisionGraphException>(() => new RevisionGraph([R("a", labels: ["x"]), R("b", ["a"], labels: ["x"])]));
        Assert.Contains("branch label 'x' is used by a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ancestors_and_descendants_follow_parents_and_dependencies()
    {
        var graph = new RevisionGraph([R("a"), R("b", ["a"]), R("x"), R("c", ["b"], dependsOn: ["x"])]);

        Assert.Equal(["a", "b", "c", "x"], graph.AncestorsAndSelf("c").Order());
        Assert.Equal(["c", "x"], graph.DescendantsAndSelf("x").Order());
    }
}
