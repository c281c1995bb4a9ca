using Ratchet.Execution;
using Ratchet.History;
using Xunit;

namespace Ratchet.Specification.Tests;

/// <summary>Revisions with <c>transaction off</c>: statements are journaled, a failed run resumes at the failed statement.</summary>
public abstract class JournalSpecification<TFixture>(TFixture fixture) : SpecificationBase<TFixture>(fixture)
    where TFixture : class, IEngineFixture
{
    private const string Off = "-- ratchet:transaction off";

    [Fact]
    public async Task A_failed_statement_keeps_the_earlier_ones_and_a_fixed_file_resumes_after_them()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "INSERT INTO a VALUES (1);\nINSERT INTO missing VALUES (2);\nINSERT INTO a VALUES (3);", "DELETE FROM a;", Off);

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => UpAsync());

        Assert.Equal(7, error.Location.Line);
        Assert.Equal(1, await Db.CountAsync("SELECT count(*) FROM a"));
        var failed = (await Migrator().StatusAsync()).History.Single(h => h.RevisionId == "002");
        Assert.Equal(HistoryState.Failed, failed.State);
        Assert.Contains("line 7", failed.Error, StringComparison.Ordinal);
        Assert.Contains("missing", failed.Error, StringComparison.Ordinal);

        // An unfixed rerun fails the same way and does not repeat the first insert.
        await Assert.ThrowsAsync<MigrationFailedException>(() => UpAsync());
        Assert.Equal(1, await Db.CountAsync("SELECT count(*) FROM a"));

        Folder.Add("002", "001", "INSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);\nINSERT INTO a VALUES (3);", "DELETE FROM a;", Off);
        var resumed = await UpAsync();

        Assert.Equal(["002"], resumed.Plan.Steps.Select(s => s.Revision.Id));
        Assert.Equal(6, await Db.CountAsync("SELECT sum(id) FROM a"));
        Assert.Equal(3, await Db.CountAsync("SELECT count(*) FROM a"));
        Assert.Equal(HistoryState.Applied, (await Migrator().ReadHistoryAsync()).Single(h => h.RevisionId == "002").State);
        Assert.Empty(await Migrator().ValidateAsync());
    }

    [Fact]
    public async Task A_failed_revision_blocks_a_downgrade_until_it_is_resumed()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "INSERT INTO missing VALUES (2);", "", Off);
        await Assert.ThrowsAsync<MigrationFailedException>(() => UpAsync());

        var error = await Assert.ThrowsAsync<RatchetException>(() => DownAsync("base"));

        Assert.Equal(RatchetErrorKind.MigrationFailed, error.Kind);
        Assert.Contains("002", error.Message, StringComparison.Ordinal);
        Assert.True(await Db.TableExistsAsync("a"));
    }

    [Fact]
    public async Task A_failed_downgrade_is_journaled_and_the_next_down_continues_after_the_done_statements()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\nCREATE TABLE c (id INTEGER);",
            "DROP TABLE c;\nDROP TABLE nope;\nDROP TABLE a;", Off);
        await UpAsync();

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => DownAsync("base"));

        Assert.Equal(12, error.Location.Line);
        Assert.False(await Db.TableExistsAsync("c"));
        Assert.True(await Db.TableExistsAsync("a"));
        var row = Assert.Single(await Migrator().ReadHistoryAsync());
        Assert.Equal(HistoryState.RevertFailed, row.State);
        Assert.Contains("down, line 12", row.Error, StringComparison.Ordinal);
        var refused = await Assert.ThrowsAsync<RatchetException>(() => UpAsync());
        Assert.Contains("revert_failed part-way", refused.Message, StringComparison.Ordinal);

        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\nCREATE TABLE c (id INTEGER);",
            "DROP TABLE c;\nDROP TABLE b;\nDROP TABLE a;", Off);
        var resumed = await DownAsync("base");

        Assert.Equal(["001"], resumed.Plan.Steps.Select(s => s.Revision.Id));
        Assert.Empty(await Migrator().ReadHistoryAsync());
        Assert.Empty(await Db.UserTablesAsync());
    }

    [Fact]
    public async Task Stamp_refuses_while_a_revision_is_failed_part_way()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "INSERT INTO missing VALUES (2);", "SELECT 1;", Off);
        await Assert.ThrowsAsync<MigrationFailedException>(() => UpAsync());
        var before = await Db.FootprintAsync();

        var error = await Assert.ThrowsAsync<RatchetException>(() => Migrator().StampAsync(Revisions.Target.Parse("002")));

        Assert.Equal(RatchetErrorKind.MigrationFailed, error.Kind);
        Assert.Contains("002 is failed part-way; nothing was stamped", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Db.FootprintAsync());
    }

    [Fact]
    public async Task A_failed_revision_made_transactional_is_rerun_whole_and_replaces_its_partial_row()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "INSERT INTO a VALUES (1);\nINSERT INTO missing VALUES (2);", "DELETE FROM a;", Off);
        await Assert.ThrowsAsync<MigrationFailedException>(() => UpAsync());

        Folder.Add("002", "001", "DELETE FROM a;\nINSERT INTO a VALUES (1);\nINSERT INTO a VALUES (2);", "DELETE FROM a;");
        await UpAsync();

        Assert.Equal(2, await Db.CountAsync("SELECT count(*) FROM a"));
        Assert.Equal(HistoryState.Applied, (await Migrator().ReadHistoryAsync()).Single(h => h.RevisionId == "002").State);
    }

    [Fact]
    public async Task A_single_transaction_run_replaces_a_partial_row_of_a_revision_made_transactional()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Folder.Add("002", "001", "INSERT INTO a VALUES (1);\nINSERT INTO missing VALUES (2);", "DELETE FROM a;", Off);
        await Assert.ThrowsAsync<MigrationFailedException>(() => UpAsync());
        Folder.Add("002", "001", "DELETE FROM a;\nINSERT INTO a VALUES (1);", "DELETE FROM a;");
        Folder.Add("003", "002", "INSERT INTO a VALUES (3);", "DELETE FROM a WHERE id = 3;");

        await Migrator(new MigratorOptions { SingleTransaction = true }).UpAsync(Revisions.Target.Head);

        Assert.Equal(["001", "002", "003"], await AppliedAsync());
        Assert.Equal(4, await Db.CountAsync("SELECT sum(id) FROM a"));
    }
}
