using Ratchet.History;
using Ratchet.Revisions;
using Xunit;

namespace Ratchet.Specification.Tests;

/// <summary>Applying and reverting: order, history rows, log rows, targets, stamping.</summary>
public abstract class UpDownSpecification<TFixture>(TFixture fixture) : SpecificationBase<TFixture>(fixture)
    where TFixture : class, IEngineFixture
{
    [Fact]
    public async Task Up_applies_every_revision_in_order_and_records_each()
    {
        AddLinearChain();

        var result = await UpAsync();

        Assert.Equal(["001", "002", "003"], result.Plan.Steps.Select(s => s.Revision.Id));
        Assert.Equal(["001", "002", "003"], await AppliedAsync());
        Assert.Equal(1, await Db.CountAsync("SELECT count(*) FROM a"));
        var history = await Migrator().ReadHistoryAsync();
        Assert.All(history, h => Assert.Equal(HistoryState.Applied, h.State));
        Assert.Equal(["002"], history.Single(h => h.RevisionId == "003").Parents);
        var log = await Migrator().ReadLogAsync();
        Assert.Equal(["up", "up", "up"], log.Select(l => l.Action));
    }

    [Fact]
    public async Task Second_up_has_nothing_to_do()
    {
        AddLinearChain();
        await UpAsync();

        var again = await UpAsync();

        Assert.True(again.Plan.IsEmpty);
        Assert.Equal(3, (await Migrator().ReadLogAsync()).Count);
    }

    [Fact]
    public async Task Down_base_then_up_gives_an_identical_schema()
    {
        AddLinearChain();
        await UpAsync();
        var before = await Db.SchemaAsync();

        await DownAsync("base");
        Assert.Empty(await AppliedAsync());
        Assert.False(await Db.TableExistsAsync("a"));
        await UpAsync();

        Assert.Equal(before, await Db.SchemaAsync());
    }

    [Fact]
    public async Task Relative_targets_move_the_given_number_of_steps()
    {
        AddLinearChain();

        await UpAsync("+2");
        Assert.Equal(["001", "002"], await AppliedAsync());
        await DownAsync("-1");
        Assert.Equal(["001"], await AppliedAsync());
        await UpAsync("001@+2");
        Assert.Equal(["001", "002", "003"], await AppliedAsync());
        await DownAsync("003@-2");
        Assert.Equal(["001"], await AppliedAsync());
    }

    [Fact]
    public async Task Down_to_a_revision_keeps_it_and_reverts_what_came_after()
    {
        AddLinearChain();
        await UpAsync();

        var result = await DownAsync("001");

        Assert.Equal(["003", "002"], result.Plan.Steps.Select(s => s.Revision.Id));
        Assert.Equal(["001"], await AppliedAsync());
        Assert.False(await Db.TableExistsAsync("b"));
        Assert.Equal(["up", "up", "up", "down", "down"], (await Migrator().ReadLogAsync()).Select(l => l.Action));
    }

    [Fact]
    public async Task Up_to_a_prefix_applies_up_to_that_revision()
    {
        Folder.Add("20260101_001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("20260102_001", "20260101_001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");

        await UpAsync("20260101");

        Assert.Equal(["20260101_001"], await AppliedAsync());
    }

    [Fact]
    public async Task A_revision_without_down_stops_a_downgrade_before_anything_runs()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "CREATE TABLE b (id INTEGER);", down: null);
        Folder.Add("003", "002", "CREATE TABLE c (id INTEGER);", "DROP TABLE c;");
        await UpAsync();
        var before = await Db.FootprintAsync();

        var error = await Assert.ThrowsAsync<TargetException>(() => DownAsync("base"));

        Assert.Contains("'002' has no down section", error.Message, StringComparison.Ordinal);
        Assert.Contains("002__revision_002.sql", error.Message, StringComparison.Ordinal);
        Assert.Equal(RatchetErrorKind.BadInput, error.Kind);
        Assert.Equal(before, await Db.FootprintAsync());
    }

    [Fact]
    public async Task An_empty_up_section_is_refused_before_anything_runs()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "", "");

        var error = await Assert.ThrowsAsync<RatchetException>(() => UpAsync());

        Assert.Equal(RatchetErrorKind.BadInput, error.Kind);
        Assert.Contains("002 has an empty up section", error.Message, StringComparison.Ordinal);
        Assert.False(await Db.TableExistsAsync("a"));
        Assert.Empty(await AppliedAsync());
    }

    [Fact]
    public async Task An_empty_down_under_a_real_up_is_refused_before_anything_is_reverted()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "CREATE TABLE b (id INTEGER);", "");
        await UpAsync();
        var before = await Db.FootprintAsync();

        var error = await Assert.ThrowsAsync<RatchetException>(() => DownAsync("base"));

        Assert.Contains("002 has an empty down section", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Db.FootprintAsync());
    }

    [Fact]
    public async Task Stamp_records_revisions_without_running_them_and_base_clears_them()
    {
        AddLinearChain();

        var (added, removed) = await Migrator().StampAsync(Target.Parse("002"));

        Assert.Equal(["001", "002"], added);
        Assert.Empty(removed);
        Assert.False(await Db.TableExistsAsync("a"));
        var history = await Migrator().ReadHistoryAsync();
        Assert.All(history, h => Assert.Equal(HistoryState.Stamped, h.State));

        var (_, cleared) = await Migrator().StampAsync(Target.Base);
        Assert.Equal(["001", "002"], cleared.Order());
        Assert.Empty(await AppliedAsync());
        Assert.Equal(["stamp", "stamp", "unstamp", "unstamp"], (await Migrator().ReadLogAsync()).Select(l => l.Action));
    }

    [Fact]
    public async Task Status_reports_current_pending_and_heads()
    {
        AddLinearChain();
        await UpAsync("001");

        var status = await Migrator().StatusAsync();

        Assert.Equal(["001"], status.Current);
        Assert.Equal(["002", "003"], status.Pending.Select(r => r.Id));
        Assert.Equal(["003"], status.Heads.Select(r => r.Id));
        Assert.Empty(status.Problems);
    }
}
