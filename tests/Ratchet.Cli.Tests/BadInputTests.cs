using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>
/// Every kind of bad input, on every engine: a message naming the file, line or revision; the documented exit code;
/// an unchanged database.
/// </summary>
public abstract class BadInputTests : IAsyncLifetime
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

    /// <summary>Applies one good revision, so "unchanged" means more than "still empty".</summary>
    protected async Task<string> ApplyBaselineAsync()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);", "DROP TABLE a;");
        var up = await Project.RunAsync("up");
        Assert.True(up.ExitCode == 0, up.ToString());
        return await Project.Database.FootprintAsync();
    }

    [Fact]
    public async Task An_empty_migrations_folder_is_exit_2_and_changes_nothing()
    {
        var before = await Project.Database.FootprintAsync();

        var result = await Project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no migrations in migrations", result.Error, StringComparison.Ordinal);
        Assert.Contains("ratchet new", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task Sql_failing_in_the_middle_of_up_rolls_that_revision_back_and_keeps_earlier_ones()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        Project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);\nINSERT INTO b VALUES (1);\nINSERT INTO nope VALUES (1);", "DROP TABLE b;");

        var result = await Project.RunAsync("up");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine("migrations", "002__revision_002.sql")}:8: revision 002 (up) failed", result.Error, StringComparison.Ordinal);
        Assert.Contains("nope", result.Error, StringComparison.Ordinal);
        Assert.True(await Project.Database.TableExistsAsync("a"));
        Assert.False(await Project.Database.TableExistsAsync("b"));
        var status = await Project.RunAsync("status");
        Assert.Contains("1 of 2, 1 pending", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_directive_names_file_and_line_and_runs_nothing()
    {
        var before = await ApplyBaselineAsync();
        Project.Migrations.Write("002__x.sql", "-- ratchet:revises 001\n-- ratchet:transactional off\n-- ratchet:up\nCREATE TABLE b (id INTEGER);\n");

        var result = await Project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{Path.Combine("migrations", "002__x.sql")}:2: unknown directive `transactional`", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task A_cycle_names_the_files_and_runs_nothing()
    {
        var before = await ApplyBaselineAsync();
        Project.Migrations.Add("002", "003", "CREATE TABLE b (id INTEGER);");
        Project.Migrations.Add("003", "002", "CREATE TABLE c (id INTEGER);");

        var result = await Project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the revisions form a cycle", result.Error, StringComparison.Ordinal);
        Assert.Contains("002__revision_002.sql", result.Error, StringComparison.Ordinal);
        Assert.Contains("003__revision_003.sql", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task An_unknown_parent_names_the_file_and_runs_nothing()
    {
        var before = await ApplyBaselineAsync();
        Project.Migrations.Add("002", "000x", "CREATE TABLE b (id INTEGER);");

        var result = await Project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("002__revision_002.sql: revision '002' revises unknown revision '000x'", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task A_duplicate_id_names_both_files_and_runs_nothing()
    {
        var before = await ApplyBaselineAsync();
        Project.Migrations.Write("002__one.sql", "-- ratchet:revises 001\n-- ratchet:up\nCREATE TABLE b (id INTEGER);\n");
        Project.Migrations.Write("002__two.sql", "-- ratchet:revises 001\n-- ratchet:up\nCREATE TABLE c (id INTEGER);\n");

        var result = await Project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("duplicate revision id '002'", result.Error, StringComparison.Ordinal);
        Assert.Contains("002__one.sql", result.Error, StringComparison.Ordinal);
        Assert.Contains("002__two.sql", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task An_edited_applied_revision_fails_validate_and_up_with_exit_3()
    {
        var before = await ApplyBaselineAsync();
        var file = Path.Combine(Project.Migrations.Path, "001__revision_001.sql");
        File.WriteAllText(file, File.ReadAllText(file).Replace("VALUES (1)", "VALUES (2)", StringComparison.Ordinal));
        Project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);");

        var validate = await Project.RunAsync("validate");
        var up = await Project.RunAsync("up");

        Assert.Equal(3, validate.ExitCode);
        Assert.Contains("001__revision_001.sql: revision 001 is applied but its up section changed", validate.Error, StringComparison.Ordinal);
        Assert.Equal(3, up.ExitCode);
        Assert.Contains("do not match the database's history; nothing was run", up.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task A_target_that_does_not_exist_is_exit_2_and_changes_nothing()
    {
        var before = await ApplyBaselineAsync();
        Project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");

        var up = await Project.RunAsync("up", "999");
        var down = await Project.RunAsync("down", "nope@base");

        Assert.Equal(2, up.ExitCode);
        Assert.Contains("unknown revision '999'", up.Error, StringComparison.Ordinal);
        Assert.Equal(2, down.ExitCode);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task A_false_check_is_exit_3_and_applies_nothing()
    {
        await ApplyBaselineAsync();
        var before = await Project.Database.SnapshotAsync();
        Project.Migrations.Write("002__c.sql", "-- ratchet:revises 001\n-- ratchet:check\nSELECT count(*) = 0 FROM a;\n-- ratchet:up\nCREATE TABLE b (id INTEGER);\n-- ratchet:down\nDROP TABLE b;\n");

        var result = await Project.RunAsync("up");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"{Path.Combine("migrations", "002__c.sql")}:3: check of revision 002 failed", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task A_false_verify_is_exit_3_and_rolls_back()
    {
        await ApplyBaselineAsync();
        var before = await Project.Database.SnapshotAsync();
        Project.Migrations.Write("002__v.sql", "-- ratchet:revises 001\n-- ratchet:up\nDELETE FROM a;\n-- ratchet:verify\nSELECT count(*) = 1 FROM a;\n-- ratchet:down\n");

        var result = await Project.RunAsync("up");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("verify of revision 002 failed: the query returned", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.SnapshotAsync());
    }

    [Fact]
    public async Task Unknown_options_are_exit_2()
    {
        var result = await Project.RunAsync("up", "--frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frobnicate", result.Error, StringComparison.Ordinal);
    }

}

public sealed class BadInputOnSqlite : BadInputTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(null);
}

public sealed class BadInputOnPostgres : BadInputTests
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() => await PostgreSql.Tests.PostgresFixture.CreateAsync();
}
