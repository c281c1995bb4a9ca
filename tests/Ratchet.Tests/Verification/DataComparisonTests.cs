using Ratchet.Verification;
using Xunit;

namespace Ratchet.Tests.Verification;

public sealed class DataComparisonTests
{
    private static TableData Users(IReadOnlyList<string> columns, params string?[][] rows) =>
        new() { Table = "users", Columns = columns, Key = ["id"], Rows = rows };

    private static TableData Log(params string?[][] rows) => new() { Table = "log", Columns = ["at", "what"], Rows = rows };

    private static DataSnapshot Snapshot(params TableData[] tables) => DataSnapshot.FromTables(tables);

    [Fact]
    public void A_column_dropped_by_up_is_dropped_on_purpose_and_nothing_else_is_reported()
    {
        var before = Snapshot(Users(["id", "name", "is_active"], ["1", "a", "t"], ["2", "b", null]));
        var after = Snapshot(Users(["id", "name"], ["1", "a"], ["2", "b"]));

        var findings = DataComparison.AfterUp(before, after);

        var finding = Assert.Single(findings);
        Assert.Equal(DataFindingKind.DroppedOnPurpose, finding.Kind);
        Assert.Equal("drops column users.is_active (1 value)", finding.Message);
        Assert.False(finding.IsFailure);
    }

    [Fact]
    public void Rows_gone_and_values_turned_null_after_up_are_losses_and_changed_values_are_changes()
    {
        var before = Snapshot(Users(["id", "name", "status"], ["1", "a", "N"], ["2", "b", "S"], ["3", "c", "D"]));
        var after = Snapshot(Users(["id", "name", "status"], ["1", null, "new"], ["2", "b", "shipped"]));

        var findings = DataComparison.AfterUp(before, after);

        Assert.Equal(
            ["users: 1 row gone (3 before up, 2 after)", "users.name: 1 value became NULL (e.g. 'a')", "users.status: 2 values changed (e.g. 'N' to 'new')"],
            findings.Select(f => f.Message));
        Assert.Equal([true, true, false], findings.Select(f => f.IsFailure));
    }

    [Fact]
    public void After_down_every_value_must_be_back_and_the_column_and_row_count_are_named()
    {
        var before = Snapshot(Users(["id", "name"], ["1", "a"], ["2", "b"], ["3", "c"]));
        var after = Snapshot(Users(["id", "name"], ["1", null], ["2", null], ["3", "c"]));

        var finding = Assert.Single(DataComparison.AfterDown(before, after));

        Assert.Equal(DataFindingKind.NotRestored, finding.Kind);
        Assert.Equal(("users", "name", 2), (finding.Table, finding.Column, finding.Rows));
        Assert.Equal("users.name: data lost in 2 rows: values differ from before up (e.g. 'a' is now NULL)", finding.Message);
    }

    [Fact]
    public void A_lossless_round_trip_finds_nothing_even_with_rows_in_another_order()
    {
        var before = Snapshot(Users(["id", "score"], ["1", "10"], ["2", "20"]), Log(["x", "a"], ["y", "a"]));
        var after = Snapshot(Users(["id", "score"], ["2", "20"], ["1", "10"]), Log(["y", "a"], ["x", "a"]));

        Assert.Empty(DataComparison.AfterUp(before, after));
        Assert.Empty(DataComparison.AfterDown(before, after));
    }

    [Fact]
    public void Without_a_key_rows_are_compared_as_multisets_and_extra_rows_after_down_are_named()
    {
        var before = Snapshot(Log(["x", "a"], ["y", "a"]));
        var after = Snapshot(Log(["x", "a"], ["y", "b"], ["z", "c"]));

        var findings = DataComparison.AfterDown(before, after);

        Assert.Contains(findings, f => f.Message == "log: 1 row more after down than before up (2 before up, 3 after down)");
        Assert.Contains(findings, f => f.Column == "what" && f.Rows == 1);
        Assert.All(findings, f => Assert.True(f.IsFailure));
    }

    [Fact]
    public void A_table_that_is_not_back_after_down_is_named_with_its_rows()
    {
        var finding = Assert.Single(DataComparison.AfterDown(Snapshot(Log(["x", "a"])), Snapshot()));

        Assert.Equal("table log is not back after down (1 row lost)", finding.Message);
    }
}
