using System.Text.Json;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Adopt;

/// <summary>
/// Each foreign layout, read in place: its folder (tests/Ratchet.Cli.Tests/Adopt/Layouts) applies, validates, reverts
/// and applies again on every engine, and converts to native files that keep its ids and checksums.
/// </summary>
public abstract class LayoutTests : IAsyncLifetime
{
    protected ProjectFolder Project { get; private set; } = null!;

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    public async ValueTask InitializeAsync() => Project = new ProjectFolder(await CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        await Project.Database.DisposeAsync();
        Project.Dispose();
        GC.SuppressFinalize(this);
    }

    internal static string Layouts => Path.Combine(ProjectFolder.RepositoryRoot(), "tests", "Ratchet.Cli.Tests", "Adopt", "Layouts");

    /// <summary>Copies a layout folder as the project's migrations folder.</summary>
    protected void UseLayout(string layout)
    {
        var source = Path.Combine(Layouts, layout);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Project.Migrations.Path, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    [Theory]
    [InlineData("golang-migrate", 3, "accounts,entries")]
    [InlineData("dbmate", 3, "accounts,entries")]
    [InlineData("goose", 3, "accounts,entries")]
    [InlineData("flyway", 4, "accounts,entries")]
    [InlineData("diesel", 3, "accounts,entries")]
    [InlineData("dag", 5, "account_notes,accounts,entries")]
    [InlineData("alembic", 5, "account_notes,accounts,entries")]
    public async Task The_layout_applies_validates_reverts_and_applies_again(string layout, int revisions, string tables)
    {
        UseLayout(layout);

        var up = await Project.RunAsync("up", "heads");
        var status = await Project.RunAsync("status", "--json");
        var validate = await Project.RunAsync("validate");
        var schema = await Project.Database.SchemaAsync();
        var userTables = string.Join(",", await Project.Database.UserTablesAsync());
        var down = await Project.RunAsync("down", "base");
        var emptied = await Project.Database.UserTablesAsync();
        var again = await Project.RunAsync("up", "heads");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal(revisions, await Project.Database.CountAsync("SELECT count(*) FROM ratchet_history"));
        Assert.Equal(0, JsonDocument.Parse(status.Out).RootElement.GetProperty("pending").GetArrayLength());
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Equal(tables, userTables);
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Empty(emptied);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(schema, await Project.Database.SchemaAsync());
    }

    [Theory]
    [InlineData("golang-migrate")]
    [InlineData("dbmate")]
    [InlineData("goose")]
    [InlineData("flyway")]
    [InlineData("diesel")]
    [InlineData("dag")]
    [InlineData("alembic")]
    public async Task Convert_to_native_keeps_ids_parents_and_checksums(string layout)
    {
        UseLayout(layout);
        Assert.Equal(0, (await Project.RunAsync("up", "heads")).ExitCode);
        var before = JsonDocument.Parse((await Project.RunAsync("status", "--json")).Out).RootElement.GetProperty("applied").EnumerateArray()
            .Select(h => h.GetProperty("id").GetString()).ToList();

        var convert = await Project.RunAsync("convert", "--to", "native");
        var validate = await Project.RunAsync("validate");
        var status = JsonDocument.Parse((await Project.RunAsync("status", "--json")).Out).RootElement;

        Assert.True(convert.ExitCode == 0, convert.ToString());
        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Equal(0, status.GetProperty("pending").GetArrayLength());
        Assert.Equal(before, status.GetProperty("applied").EnumerateArray().Select(h => h.GetProperty("id").GetString()).ToList());
        Assert.All(Directory.EnumerateFiles(Project.Migrations.Path, "*.sql"), f => Assert.StartsWith("-- ratchet:revision ", File.ReadAllText(f), StringComparison.Ordinal));
        Assert.DoesNotContain(Directory.EnumerateDirectories(Project.Migrations.Path), d => !Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public async Task A_folder_with_two_layouts_is_exit_2_naming_a_file_of_each()
    {
        UseLayout("mixed");
        var before = await Project.Database.FootprintAsync();

        var result = await Project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("holds files of more than one layout: golang-migrate (1_create_accounts.down.sql) and flyway (V2__create_entries.sql)", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task An_alembic_body_that_is_not_op_execute_is_exit_2_naming_the_file_and_line()
    {
        UseLayout("alembic-unreadable");
        var before = await Project.Database.FootprintAsync();

        var result = await Project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("f6a1b2c3d4e5_uses_op_create_table.py:24: `op.create_table(`: only op.execute(SQL) bodies can be read", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task A_non_idempotent_revision_that_failed_part_way_is_not_resumed()
    {
        UseLayout("dag");
        var up = Path.Combine(Project.Migrations.Path, "0002_add_account_name", "up.sql");
        var good = await File.ReadAllTextAsync(up, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(up, good.Replace("ALTER TABLE accounts", "ALTER TABLE no_such_table", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var failed = await Project.RunAsync("up", "heads");
        await File.WriteAllTextAsync(up, good, TestContext.Current.CancellationToken);
        var before = await Project.Database.SnapshotAsync();

        var again = await Project.RunAsync("up", "heads");

        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("revision 0002 failed part-way", again.Error, StringComparison.Ordinal);
        Assert.Contains("not idempotent", again.Error, StringComparison.Ordinal);
        Assert.Contains("ratchet repair", again.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.SnapshotAsync());
        Assert.False(await Project.Database.TableExistsAsync("entries"));
    }

    [Fact]
    public async Task The_layout_can_be_named_and_an_unknown_name_is_exit_2()
    {
        UseLayout("golang-migrate");
        var before = await Project.Database.FootprintAsync();

        var unknown = await Project.RunAsync("up", "--layout", "liquibase");
        var unchanged = await Project.Database.FootprintAsync();
        var named = await Project.RunAsync("up", "--layout", "golang-migrate");

        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown layout 'liquibase'; known: native, golang-migrate, dbmate, goose, flyway, folders, alembic", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(before, unchanged);
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Equal(3, await Project.Database.CountAsync("SELECT count(*) FROM ratchet_history"));
    }

    [Fact]
    public async Task Convert_with_keep_writes_elsewhere_and_refuses_bad_requests()
    {
        UseLayout("goose");
        var foreign = Directory.EnumerateFiles(Project.Migrations.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var keepHere = await Project.RunAsync("convert", "--to", "native", "--keep");
        var untouched = Directory.EnumerateFiles(Project.Migrations.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var outside = Path.Combine(Project.Root, "native");

        var kept = await Project.RunAsync("convert", "--to", "native", "--keep", "--out", outside);
        var nativeAgain = await Project.RunAsync("convert", "--to", "native", "--dir", outside);
        var applied = await Project.RunAsync("up", "--dir", outside);

        Assert.Equal(2, keepHere.ExitCode);
        Assert.Contains("--keep needs --out", keepHere.Error, StringComparison.Ordinal);
        Assert.Equal(foreign, untouched);
        Assert.True(kept.ExitCode == 0, kept.ToString());
        Assert.Equal(foreign, Directory.EnumerateFiles(Project.Migrations.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, Directory.EnumerateFiles(outside, "*.sql").Count());
        Assert.Equal(2, nativeAgain.ExitCode);
        Assert.Contains("already in Ratchet's native layout", nativeAgain.Error, StringComparison.Ordinal);
        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Equal(3, await Project.Database.CountAsync("SELECT count(*) FROM ratchet_history"));
    }

    [Fact]
    public async Task A_changed_repeatable_is_pending_and_applied_again_after_the_versioned_ones()
    {
        UseLayout("flyway");
        Assert.Equal(0, (await Project.RunAsync("up")).ExitCode);
        var repeatable = Path.Combine(Project.Migrations.Path, "R__account_emails.sql");
        await File.WriteAllTextAsync(repeatable, (await File.ReadAllTextAsync(repeatable, TestContext.Current.CancellationToken))
            .Replace("SELECT email FROM accounts", "SELECT email, id FROM accounts", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var validate = await Project.RunAsync("validate");
        var status = JsonDocument.Parse((await Project.RunAsync("status", "--json")).Out).RootElement;
        var up = await Project.RunAsync("up");

        Assert.True(validate.ExitCode == 0, validate.ToString());
        Assert.Equal(["R__account_emails"], status.GetProperty("pending").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("applied  R__account_emails", up.Out, StringComparison.Ordinal);
        Assert.Equal(4, await Project.Database.CountAsync("SELECT count(*) FROM ratchet_history"));
        Assert.Equal(0, await Project.Database.CountAsync("SELECT count(*) FROM (SELECT email, id FROM account_emails) v"));
    }
}

public sealed class LayoutsOnSqlite : LayoutTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(null);
}

public sealed class LayoutsOnPostgres : LayoutTests
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() => await PostgreSql.Tests.PostgresFixture.CreateAsync();
}
