using Ratchet.Revisions;
using Xunit;

namespace Ratchet.Specification.Tests;

/// <summary>Branches, merges, branch labels and cross-branch dependencies.</summary>
public abstract class BranchSpecification<TFixture>(TFixture fixture) : SpecificationBase<TFixture>(fixture)
    where TFixture : class, IEngineFixture
{
    private void AddTwoHeads()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;", "-- ratchet:branch left");
        Folder.Add("003", "001", "CREATE TABLE c (id INTEGER);", "DROP TABLE c;", "-- ratchet:branch right");
    }

    [Fact]
    public async Task Up_to_head_with_two_heads_fails_naming_both_and_applies_nothing()
    {
        AddTwoHeads();
        var before = await Db.FootprintAsync();

        var error = await Assert.ThrowsAsync<TargetException>(() => UpAsync());

        Assert.Contains("002", error.Message, StringComparison.Ordinal);
        Assert.Contains("003", error.Message, StringComparison.Ordinal);
        Assert.Contains("ratchet merge", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Db.FootprintAsync());
    }

    [Fact]
    public async Task Up_heads_applies_both_branches()
    {
        AddTwoHeads();

        await UpAsync("heads");

        Assert.Equal(["001", "002", "003"], (await AppliedAsync()).Order());
    }

    [Fact]
    public async Task After_a_merge_revision_up_applies_both_branches_and_the_merge()
    {
        AddTwoHeads();
        await UpAsync("left@head");
        Folder.Add("004", "002, 003", "", "");

        var result = await UpAsync();

        Assert.Equal(["003", "004"], result.Plan.Steps.Select(s => s.Revision.Id));
        Assert.True(await Db.TableExistsAsync("b"));
        Assert.True(await Db.TableExistsAsync("c"));
    }

    [Fact]
    public async Task Branch_base_reverts_only_that_branch()
    {
        AddTwoHeads();
        await UpAsync("heads");

        await DownAsync("right@base");

        Assert.Equal(["001", "002"], (await AppliedAsync()).Order());
        Assert.False(await Db.TableExistsAsync("c"));
    }

    [Fact]
    public async Task Depends_on_applies_the_dependency_first_and_reverts_the_dependent_first()
    {
        // The dependent has the smaller id, so neither id order nor its reverse would get it right.
        Folder.Add("002", null, "CREATE TABLE a (id INTEGER PRIMARY KEY);", "DROP TABLE a;");
        Folder.Add("001", null, "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));", "DROP TABLE b;",
            "-- ratchet:depends-on 002");

        var up = await UpAsync("001");
        Assert.Equal(["002", "001"], up.Plan.Steps.Select(s => s.Revision.Id));

        var down = await DownAsync("base");
        Assert.Equal(["001", "002"], down.Plan.Steps.Select(s => s.Revision.Id));
    }

    [Fact]
    public async Task Down_to_a_branch_point_reverts_both_branches()
    {
        AddTwoHeads();
        await UpAsync("heads");

        await DownAsync("001");

        Assert.Equal(["001"], await AppliedAsync());
    }
}
