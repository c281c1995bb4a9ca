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
}
