using Ratchet.Execution;
using Ratchet.Revisions;
using Xunit;

namespace Ratchet.Specification.Tests;

/// <summary>A new database and a new migrations folder for every test.</summary>
public abstract class SpecificationBase<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : class, IEngineFixture
{
    /// <summary>The test's database.</summary>
    protected TestDatabase Db { get; private set; } = null!;

    /// <summary>The test's migrations folder.</summary>
    protected MigrationFolder Folder { get; } = new();

    /// <inheritdoc />
    public async ValueTask InitializeAsync() => Db = await fixture.CreateDatabaseAsync();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>A migrator over the folder as it is now.</summary>
    protected Migrator Migrator(MigratorOptions? options = null) => new(Db.Engine, Folder.Graph(), options);

    /// <summary>Applies to <paramref name="target"/> (default head).</summary>
    protected Task<RunResult> UpAsync(string target = "head") => Migrator().UpAsync(Target.Parse(target));

    /// <summary>Reverts to <paramref name="target"/>.</summary>
    protected Task<RunResult> DownAsync(string target) => Migrator().DownAsync(Target.Parse(target));

    /// <summary>The applied revision ids in order of application.</summary>
    protected async Task<List<string>> AppliedAsync() =>
        (await Migrator().ReadHistoryAsync()).Where(h => h.IsApplied).Select(h => h.RevisionId).ToList();

    /// <summary>Three revisions: table a; table b with an index; a row in a.</summary>
    protected void AddLinearChain()
    {
        Folder.Add("001", null, "CREATE TABLE a (id INTEGER PRIMARY KEY, name TEXT NOT NULL);", "DROP TABLE a;");
        Folder.Add("002", "001", "CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER NOT NULL REFERENCES a (id));\nCREATE INDEX ix_b_a_id ON b (a_id);",
            "DROP INDEX ix_b_a_id;\nDROP TABLE b;");
        Folder.Add("003", "002", "INSERT INTO a (id, name) VALUES (1, 'one');", "DELETE FROM a WHERE id = 1;");
    }
}
