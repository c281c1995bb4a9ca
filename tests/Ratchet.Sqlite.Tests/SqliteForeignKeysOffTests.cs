using Ratchet.Execution;
using Ratchet.Revisions;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Sqlite.Tests;

/// <summary>
/// A SQL revision that follows SQLite's rebuild procedure and says <c>PRAGMA foreign_keys = OFF</c> gets what it asks
/// for, which the pragma alone cannot do inside the revision's transaction, and every foreign key is checked before the commit.
/// </summary>
public sealed class SqliteForeignKeysOffTests : IAsyncDisposable
{
    private const string Rebuild = """
        PRAGMA foreign_keys = OFF;
        CREATE TABLE new_parents (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
        INSERT INTO new_parents (id, name) SELECT id, coalesce(name, '?') FROM parents;
        DROP TABLE parents;
        ALTER TABLE new_parents RENAME TO parents;
        """;

    private readonly SqliteTestDatabase _db = new();
    private readonly MigrationFolder _folder = new();

    public SqliteForeignKeysOffTests()
    {
        _folder.Add("001", null, """
            CREATE TABLE parents (id INTEGER PRIMARY KEY, name TEXT);
            CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER NOT NULL REFERENCES parents (id) ON DELETE CASCADE);
            INSERT INTO parents VALUES (1, 'a'), (2, NULL);
            INSERT INTO children VALUES (10, 1), (20, 2);
            """, "DROP TABLE children; DROP TABLE parents;");
    }

    private Migrator Migrator() => new(_db.Engine, _folder.Graph());

    [Fact]
    public async Task The_rebuild_keeps_the_children_that_a_cascading_drop_would_have_deleted()
    {
        _folder.Add("002", "001", Rebuild, "SELECT 1;");

        await Migrator().UpAsync(Target.Head, TestContext.Current.CancellationToken);

        Assert.Equal(["10", "20"], await _db.ListAsync("SELECT id FROM children ORDER BY id"));
        Assert.Equal(["a", "?"], await _db.ListAsync("SELECT name FROM parents ORDER BY id"));
        Assert.Equal(1, await _db.CountAsync("PRAGMA foreign_keys"));
    }

    [Fact]
    public async Task A_rebuild_that_leaves_a_child_without_its_parent_is_rolled_back()
    {
        _folder.Add("002", "001", Rebuild.Replace("FROM parents;", "FROM parents WHERE id = 1;", StringComparison.Ordinal), "SELECT 1;");
        await Migrator().UpAsync(Target.Parse("001"), TestContext.Current.CancellationToken);
        var before = await _db.SnapshotAsync();

        var error = await Assert.ThrowsAsync<RatchetException>(() => Migrator().UpAsync(Target.Head, TestContext.Current.CancellationToken));

        Assert.Equal(RatchetErrorKind.MigrationFailed, error.Kind);
        Assert.Contains("foreign_key_check", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await _db.SnapshotAsync());
        Assert.Equal(["10", "20"], await _db.ListAsync("SELECT id FROM children ORDER BY id"));
        Assert.Equal(1, await _db.CountAsync("PRAGMA foreign_keys"));
    }

    public async ValueTask DisposeAsync()
    {
        _folder.Dispose();
        await _db.DisposeAsync();
    }
}
