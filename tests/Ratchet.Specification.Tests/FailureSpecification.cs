using Ratchet.Execution;
using Xunit;

namespace Ratchet.Specification.Tests;

/// <summary>Bad input and failures: each gives a clear message and leaves the database as it was.</summary>
public abstract class FailureSpecification<TFixture>(TFixture fixture) : SpecificationBase<TFixture>(fixture)
    where TFixture : class, IEngineFixture
{
    [Fact]
    public async Task A_statement_failing_mid_up_rolls_back_its_revision_and_keeps_earlier_ones()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "CREATE TABLE b (id INTEGER);\nINSERT INTO b VALUES (1);\nINSERT INTO no_such_table VALUES (1);\nCREATE TABLE c (id INTEGER);", "DROP TABLE b;");

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => UpAsync());

        Assert.Equal(RatchetErrorKind.MigrationFailed, error.Kind);
        Assert.Equal("002", error.Step.Revision.Id);
        Assert.EndsWith("002__revision_002.sql", error.Location.File, StringComparison.Ordinal);
        Assert.Equal(8, error.Location.Line);
        Assert.Contains("no_such_table", error.Message, StringComparison.Ordinal);
        Assert.Equal(["001"], await AppliedAsync());
        Assert.True(await Db.TableExistsAsync("a"));
        Assert.False(await Db.TableExistsAsync("b"));
        Assert.Equal("fail", (await Migrator().ReadLogAsync())[^1].Action);
    }

    [Fact]
    public async Task A_false_check_applies_nothing()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;", check: "SELECT 1 = 2;");
        var before = await Db.SnapshotAsync();

        var error = await Assert.ThrowsAsync<CheckFailedException>(() => UpAsync());

        Assert.Equal(RatchetErrorKind.CheckFailed, error.Kind);
        Assert.Equal("check", error.Section);
        Assert.Contains("001__revision_001.sql", error.Message, StringComparison.Ordinal);
        Assert.False(await Db.TableExistsAsync("a"));
        Assert.Empty(await AppliedAsync());
        Assert.Equal(before, await Db.SnapshotAsync());
    }

    [Fact]
    public async Task A_true_check_and_verify_let_the_revision_through()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);", "DROP TABLE a;",
            check: "SELECT 1 = 1;", verify: "SELECT count(*) = 1 FROM a;\nSELECT id FROM a WHERE id <> 1;");

        await UpAsync();

        Assert.Equal(["001"], await AppliedAsync());
    }

    [Fact]
    public async Task Verify_queries_do_not_run_on_the_way_down()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);", "DROP TABLE a;", verify: "SELECT count(*) = 1 FROM a;");
        await UpAsync();

        await DownAsync("base");

        Assert.False(await Db.TableExistsAsync("a"));
    }

    [Fact]
    public async Task A_false_verify_rolls_the_revision_back()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);", "DROP TABLE a;", verify: "SELECT count(*) = 2 FROM a;");

        var error = await Assert.ThrowsAsync<CheckFailedException>(() => UpAsync());

        Assert.Equal("verify", error.Section);
        Assert.False(await Db.TableExistsAsync("a"));
        Assert.Empty(await AppliedAsync());
    }

    [Fact]
    public async Task An_edited_applied_revision_is_reported_and_up_refuses_to_run()
    {
        var first = Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        await UpAsync();
        Folder.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        File.WriteAllText(first, File.ReadAllText(first).Replace("CREATE TABLE a (id INTEGER)", "CREATE TABLE a (id BIGINT)", StringComparison.Ordinal));
        var before = await Db.FootprintAsync();

        var problems = await Migrator().ValidateAsync();
        var error = await Assert.ThrowsAsync<RatchetException>(() => UpAsync());

        var problem = Assert.Single(problems);
        Assert.Equal(ValidationProblemKind.Changed, problem.Kind);
        Assert.Equal("001", problem.RevisionId);
        Assert.Equal(RatchetErrorKind.CheckFailed, error.Kind);
        Assert.Contains("001__revision_001.sql", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Db.FootprintAsync());
    }

    [Fact]
    public async Task A_target_on_a_new_database_creates_nothing()
    {
        AddLinearChain();
        var before = await Db.FootprintAsync();

        await Assert.ThrowsAsync<Revisions.RevisionGraphException>(() => UpAsync("999"));
        var nothing = await UpAsync("base");

        Assert.True(nothing.Plan.IsEmpty);
        Assert.Equal(before, await Db.FootprintAsync());
    }

    [Fact]
    public async Task Whitespace_and_comment_edits_are_not_changes()
    {
        var first = Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        await UpAsync();
        File.WriteAllText(first, File.ReadAllText(first)
            .Replace("CREATE TABLE a (id INTEGER);", "-- the first table\nCREATE   TABLE a (\n    id INTEGER /* key */\n);", StringComparison.Ordinal));

        Assert.Empty(await Migrator().ValidateAsync());
    }

    [Fact]
    public async Task An_applied_revision_whose_file_is_gone_is_unknown_and_up_refuses()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        var second = Folder.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        await UpAsync();
        File.Delete(second);
        Folder.Add("003", "001", "CREATE TABLE c (id INTEGER);", "DROP TABLE c;");

        var problem = Assert.Single(await Migrator().ValidateAsync());
        Assert.Equal(ValidationProblemKind.Unknown, problem.Kind);
        Assert.Equal("002", problem.RevisionId);
        var error = await Assert.ThrowsAsync<RatchetException>(() => UpAsync());
        Assert.Equal(RatchetErrorKind.CheckFailed, error.Kind);
        Assert.False(await Db.TableExistsAsync("c"));
    }

    [Fact]
    public async Task A_revision_inserted_below_an_applied_one_is_missing()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("003", "001", "CREATE TABLE c (id INTEGER);", "DROP TABLE c;");
        await UpAsync();
        Folder.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        Folder.Add("003", "002", "CREATE TABLE c (id INTEGER);", "DROP TABLE c;");

        var problem = Assert.Single(await Migrator().ValidateAsync());

        Assert.Equal(ValidationProblemKind.Missing, problem.Kind);
        Assert.Equal("002", problem.RevisionId);
        Assert.Contains("003", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_that_does_not_exist_is_bad_input_and_changes_nothing()
    {
        AddLinearChain();
        await UpAsync("001");
        var before = await Db.FootprintAsync();

        var error = await Assert.ThrowsAsync<Revisions.RevisionGraphException>(() => UpAsync("999"));

        Assert.Equal(RatchetErrorKind.BadInput, error.Kind);
        Assert.Contains("unknown revision '999'", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Db.FootprintAsync());
    }
}
