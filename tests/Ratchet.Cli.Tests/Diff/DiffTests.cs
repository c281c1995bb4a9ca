using System.Text.Json;
using Ratchet.PostgreSql.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Diff;

/// <summary><c>ratchet diff</c>: rename candidates, design notes, nothing to do, and bad input (message, exit 2, nothing written or applied).</summary>
public sealed class DiffTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    public DiffTests()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);", "DROP TABLE orders;");
    }

    private int Files => Directory.GetFiles(_project.Migrations.Path).Length;

    private void Desired(string name, string text) => File.WriteAllText(Path.Combine(_project.Root, name), text);

    [Fact]
    public async Task A_drop_and_an_add_that_look_like_a_rename_are_reported_and_stay_a_drop_and_an_add()
    {
        Desired("desired.sql", "CREATE TABLE purchases (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);");

        var json = await _project.RunAsync("diff", "--to", "desired.sql", "--json");
        var renamed = await _project.RunAsync("diff", "--to", "desired.sql", "--rename", "orders=purchases", "--json", "--id", "20990101_001");
        using var withRename = JsonDocument.Parse(renamed.Out);
        Assert.Equal("ALTER TABLE \"orders\" RENAME TO \"purchases\";", withRename.RootElement.GetProperty("revisions")[0].GetProperty("up").GetString());
        Assert.Equal(0, withRename.RootElement.GetProperty("revisions")[0].GetProperty("renameCandidates").GetArrayLength());
        var text = await _project.RunAsync("diff", "--to", "desired.sql", "--write");

        Assert.True(json.ExitCode == 0, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        var revision = document.RootElement.GetProperty("revisions")[0];
        Assert.Equal("orders=purchases", revision.GetProperty("renameCandidates")[0].GetProperty("rename").GetString());
        Assert.Contains("DROP TABLE \"orders\"", revision.GetProperty("up").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("RENAME", revision.GetProperty("up").GetString(), StringComparison.Ordinal);
        Assert.Contains("look like a rename", text.Out, StringComparison.Ordinal);
        Assert.Contains("--rename orders=purchases", text.Out, StringComparison.Ordinal);
        var written = Directory.GetFiles(_project.Migrations.Path, "*match_desired.sql").Single();
        Assert.Contains("-- warning: table orders (dropped) and table purchases (added) look like a rename", await File.ReadAllTextAsync(written, TestContext.Current.CancellationToken),
            StringComparison.Ordinal);

    }

    [Fact]
    public async Task The_sql_blocks_of_a_design_note_are_the_desired_schema_and_errors_name_the_note_line()
    {
        Desired("design.md", "# Orders\n\nWe keep a note.\n\n```sql\nCREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL, note TEXT);\n```\n\n```js\nnot sql\n```\n");
        Desired("broken.md", "# Orders\n\n```sql\nCREATE TABLE orders (id INTEGER PRIMARY KEY);\n```\n\ntext\n\n```sql\nCREATE TABLE oops (id INTEGER PRIMARY KEY,);\n```\n");

        var good = await _project.RunAsync("diff", "--to", "design.md", "--write");
        var bad = await _project.RunAsync("diff", "--to", "broken.md", "--write");

        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("ALTER TABLE \"orders\" ADD COLUMN \"note\" TEXT;", good.Out, StringComparison.Ordinal);
        Assert.Equal(2, Files);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("broken.md:10:", bad.Error, StringComparison.Ordinal);
        Assert.Equal(2, Files);
    }

    [Fact]
    public async Task Nothing_to_do_writes_nothing()
    {
        Desired("same.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);");

        var run = await _project.RunAsync("diff", "--to", "same.sql", "--write");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("No difference", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, Files);
    }

    [Theory]
    [InlineData("missing.sql", new string[0], "--to missing.sql: no such file")]
    [InlineData("bad.sql", new string[0], "bad.sql:3:")]
    [InlineData("note.md", new string[0], "note.md has no ```sql code block")]
    [InlineData("ok.sql", new[] { "--rename", "nothing=else" }, "--rename nothing=else: there is no table nothing to rename")]
    [InlineData("ok.sql", new[] { "--rename", "orders" }, "--rename 'orders' is not a rename")]
    [InlineData("postgres://someone@127.0.0.1:1/elsewhere", new string[0], "diff compares schemas of one engine")]
    public async Task Bad_input_is_exit_2_with_a_message_and_nothing_is_written_or_applied(string to, string[] extra, string message)
    {
        Desired("bad.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL);\n\nCREATE TABLE broken (id INTEGER PRIMARY KEY,);\n");
        Desired("note.md", "# Nothing here\n\nJust words.\n");
        Desired("ok.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY, total INTEGER NOT NULL, note TEXT);");

        var run = await _project.RunAsync(["diff", "--to", to, "--write", .. extra]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Equal(1, Files);
        Assert.False(await _project.Database.ExistsAsync());
    }

    [Fact]
    public async Task Two_heads_are_refused_until_merged()
    {
        _project.Migrations.Add("002", "001", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        _project.Migrations.Add("003", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
        Desired("ok.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);");

        var run = await _project.RunAsync("diff", "--to", "ok.sql", "--write");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("2 heads", run.Error, StringComparison.Ordinal);
        Assert.Contains("ratchet merge", run.Error, StringComparison.Ordinal);
        Assert.Equal(3, Files);
    }

    public void Dispose() => _project.Dispose();
}

/// <summary>A change the diff cannot write fully is caught by its scratch check: exit 3, nothing written unless --force.</summary>
public sealed class PostgresDiffCheckTests : IAsyncLifetime
{
    private PostgresTestDatabase _db = null!;
    private ProjectFolder _project = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresFixture.CreateAsync();
        _project = new ProjectFolder(_db);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _project.Dispose();
    }

    [Fact]
    public async Task A_change_the_revision_does_not_make_fails_the_check_with_exit_3_and_writes_nothing_unless_forced()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE t (id serial PRIMARY KEY);", "DROP TABLE t;");
        await File.WriteAllTextAsync(Path.Combine(_project.Root, "plain.sql"), "CREATE TABLE t (id integer PRIMARY KEY);", TestContext.Current.CancellationToken);

        var run = await _project.RunAsync("diff", "--to", "plain.sql", "--write");
        var forced = await _project.RunAsync("diff", "--to", "plain.sql", "--write", "--force");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("numbering changes from serial to none", run.Out, StringComparison.Ordinal);
        Assert.Contains("The scratch check found differences", run.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing written", run.Out, StringComparison.Ordinal);
        Assert.Equal(3, forced.ExitCode);
        Assert.Equal(2, Directory.GetFiles(_project.Migrations.Path).Length);
        Assert.Empty(await _db.UserTablesAsync());
    }
}

/// <summary>What the scratch check cannot see (it runs on an empty database): data in the way of a change.</summary>
public sealed class DiffOnDataTests
{
    [Fact]
    public async Task A_narrowing_varchar_on_postgres_refuses_a_value_that_does_not_fit_instead_of_cutting_it()
    {
        await using var db = await PostgresFixture.CreateAsync();
        using var project = new ProjectFolder(db);
        project.Migrations.Add("001", null, "CREATE TABLE t (id integer PRIMARY KEY, name varchar(50));", "DROP TABLE t;");
        await File.WriteAllTextAsync(Path.Combine(project.Root, "narrow.sql"), "CREATE TABLE t (id integer PRIMARY KEY, name varchar(10));", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await project.RunAsync("up")).ExitCode);
        await db.ExecuteAsync("INSERT INTO t VALUES (1, 'twenty characters!!!')");

        var diff = await project.RunAsync("diff", "--to", "narrow.sql", "--write");
        var up = await project.RunAsync("up");

        Assert.True(diff.ExitCode == 0, diff.ToString());
        Assert.Contains("narrowing", diff.Out, StringComparison.Ordinal);
        Assert.Equal(1, up.ExitCode);
        Assert.Contains("too long", up.All, StringComparison.Ordinal);
        Assert.Equal(["twenty characters!!!"], await db.ListAsync("SELECT name FROM t"));
    }

    [Fact]
    public async Task A_column_made_identity_on_postgres_numbers_new_rows_after_the_existing_ones()
    {
        await using var db = await PostgresFixture.CreateAsync();
        using var project = new ProjectFolder(db);
        project.Migrations.Add("001", null, "CREATE TABLE t (id integer NOT NULL PRIMARY KEY, kind text);", "DROP TABLE t;");
        await File.WriteAllTextAsync(Path.Combine(project.Root, "identity.sql"),
            "CREATE TABLE t (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, kind text);", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await project.RunAsync("up")).ExitCode);
        await db.ExecuteAsync("INSERT INTO t VALUES (1, 'a'), (7, 'b')");

        Assert.Equal(0, (await project.RunAsync("diff", "--to", "identity.sql", "--write")).ExitCode);
        Assert.Equal(0, (await project.RunAsync("up")).ExitCode);
        await db.ExecuteAsync("INSERT INTO t (kind) VALUES ('c')");

        Assert.Equal(["1", "7", "8"], await db.ListAsync("SELECT id FROM t ORDER BY id"));
    }

    [Fact]
    public async Task A_sqlite_rebuild_keeps_the_autoincrement_counter()
    {
        using var project = new ProjectFolder();
        project.Migrations.Add("001", null, "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT);", "DROP TABLE t;");
        await File.WriteAllTextAsync(Path.Combine(project.Root, "checked.sql"),
            "CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT CHECK (kind <> ''));", TestContext.Current.CancellationToken);
        Assert.Equal(0, (await project.RunAsync("up")).ExitCode);
        await project.Database.ExecuteAsync("INSERT INTO t (kind) VALUES ('a'), ('b'), ('c')");
        await project.Database.ExecuteAsync("DELETE FROM t WHERE id = 3");

        Assert.Equal(0, (await project.RunAsync("diff", "--to", "checked.sql", "--write")).ExitCode);
        Assert.Equal(0, (await project.RunAsync("up")).ExitCode);
        await project.Database.ExecuteAsync("INSERT INTO t (kind) VALUES ('d')");

        Assert.Equal(["1", "2", "4"], await project.Database.ListAsync("SELECT id FROM t ORDER BY id"));
    }
}
