using System.Text.Json;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Adopt;

/// <summary>
/// <c>ratchet adopt --from TOOL</c> on a database holding that tool's history table as the tool itself creates and
/// fills it (tests/Ratchet.Cli.Tests/Adopt/History, one file per tool and engine, each naming its source), with the
/// migrations folder the tool ran: every entry maps, the revisions are stamped, and nothing is pending. A failed,
/// dirty or unmapped entry writes nothing (exit 3) and says what to do.
/// </summary>
public abstract class AdoptTests : IAsyncLifetime
{
    protected ProjectFolder Project { get; private set; } = null!;

    protected abstract Task<TestDatabase?> CreateDatabaseAsync();

    protected abstract string Engine { get; }

    public async ValueTask InitializeAsync() => Project = new ProjectFolder(await CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        await Project.Database.DisposeAsync();
        Project.Dispose();
        GC.SuppressFinalize(this);
    }

    private static string History => Path.Combine(ProjectFolder.RepositoryRoot(), "tests", "Ratchet.Cli.Tests", "Adopt", "History");

    /// <summary>The tool's history table and rows, as that tool writes them on this engine.</summary>
    private async Task LoadHistoryAsync(string fixture) =>
        await Project.Database.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(History, $"{fixture}.{Engine}.sql"), TestContext.Current.CancellationToken));

    private void UseLayout(string layout)
    {
        var source = Path.Combine(LayoutTests.Layouts, layout);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Project.Migrations.Path, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    [Theory]
    [InlineData("flyway", "flyway", "V1__create_accounts.sql", 4)]
    [InlineData("golang-migrate", "golang-migrate", "3_create_entries.up.sql", 3)]
    [InlineData("dbmate", "dbmate", "20240101000003_create_entries.sql", 3)]
    [InlineData("goose", "goose", "00003_create_entries.sql", 3)]
    [InlineData("alembic", "alembic", "e5f6a1b2c3d4_merge_entries_and_account_notes.py", 5)]
    [InlineData("ef", "native", "20240101000003__create_entries.sql", 3)]
    [InlineData("fluentmigrator", "native", "20240101000001__create_accounts.sql", 3)]
    [InlineData("dbup", "native", "20240101000002__add_account_name.sql", 3)]
    [InlineData("evolve", "flyway", "R__account_emails.sql", 4)]
    [InlineData("grate", "native", "20240101000003__create_entries.sql", 3)]
    public async Task Adopting_records_every_applied_entry_and_leaves_nothing_pending(string tool, string layout, string mappedFile, int revisions)
    {
        UseLayout(layout);
        await LoadHistoryAsync(tool);

        var dryRun = await Project.RunAsync("adopt", "--from", tool, "--dry-run");
        var dryRunWrote = await Project.Database.TableExistsAsync("ratchet_history");
        var adopt = await Project.RunAsync("adopt", "--from", tool);
        var adopted = await Project.Database.SnapshotAsync();
        var status = JsonDocument.Parse((await Project.RunAsync("status", "--json")).Out).RootElement;
        var up = await Project.RunAsync("up", "heads");

        Assert.True(dryRun.ExitCode == 0, dryRun.ToString());
        Assert.Contains("Would record", dryRun.Out, StringComparison.Ordinal);
        Assert.False(dryRunWrote);
        Assert.True(adopt.ExitCode == 0, adopt.ToString());
        Assert.Contains($"{mappedFile})", adopt.Out, StringComparison.Ordinal);
        Assert.Contains($"Recorded {revisions} revision(s) as applied", adopt.Out, StringComparison.Ordinal);
        Assert.Equal(revisions, await Project.Database.CountAsync("SELECT count(*) FROM ratchet_history WHERE state = 'stamped'"));
        Assert.Equal(revisions, await Project.Database.CountAsync("SELECT count(*) FROM ratchet_log WHERE action = 'adopt'"));
        Assert.Equal(0, status.GetProperty("pending").GetArrayLength());
        Assert.Equal(revisions, status.GetProperty("applied").GetArrayLength());
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("Nothing to do", up.Out, StringComparison.Ordinal);
        Assert.Equal(adopted, await Project.Database.SnapshotAsync());
    }

    [Theory]
    [InlineData("flyway-failed", "flyway", "flyway", "installed_rank 3: SQL version 2 V2__create_entries.sql", "flyway repair")]
    [InlineData("evolve-failed", "evolve", "flyway", "version 2 V2__create_entries.sql", "remove or correct that row")]
    [InlineData("golang-migrate-dirty", "golang-migrate", "golang-migrate", "version 3 (dirty)", "migrate force 3")]
    public async Task A_failed_or_dirty_entry_is_exit_3_naming_it_and_writes_nothing(string fixture, string tool, string layout, string named, string fix)
    {
        UseLayout(layout);
        await LoadHistoryAsync(fixture);
        var before = await Project.Database.FootprintAsync();

        var adopt = await Project.RunAsync("adopt", "--from", tool);

        Assert.Equal(3, adopt.ExitCode);
        Assert.Contains(named, adopt.Out, StringComparison.Ordinal);
        Assert.Contains(fix, adopt.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", adopt.Out, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
        Assert.False(await Project.Database.TableExistsAsync("ratchet_history"));
    }

    [Fact]
    public async Task An_entry_no_revision_matches_is_exit_3_listing_it_and_writes_nothing()
    {
        UseLayout("native");
        File.Delete(Path.Combine(Project.Migrations.Path, "20240101000003__create_entries.sql"));
        await LoadHistoryAsync("ef");
        var before = await Project.Database.FootprintAsync();

        var adopt = await Project.RunAsync("adopt", "--from", "ef", "--json");
        var report = JsonDocument.Parse(adopt.Out).RootElement;

        Assert.Equal(3, adopt.ExitCode);
        Assert.False(report.GetProperty("written").GetBoolean());
        Assert.Equal(["MigrationId 20240101000003_CreateEntries"], report.GetProperty("unmapped").EnumerateArray().Select(u => u.GetProperty("entry").GetString()));
        Assert.Equal(before, await Project.Database.FootprintAsync());
        Assert.False(await Project.Database.TableExistsAsync("ratchet_history"));
    }

    [Fact]
    public async Task A_database_without_the_tools_table_is_exit_2_naming_the_table_looked_for()
    {
        UseLayout("native");
        await Project.Database.ExecuteAsync("CREATE TABLE accounts (id integer PRIMARY KEY)");
        var before = await Project.Database.FootprintAsync();

        var adopt = await Project.RunAsync("adopt", "--from", "fluentmigrator");

        Assert.Equal(2, adopt.ExitCode);
        Assert.Contains("no fluentmigrator history table", adopt.Error, StringComparison.Ordinal);
        Assert.Contains("VersionInfo", adopt.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }
}

public sealed class AdoptOnSqlite : AdoptTests
{
    protected override string Engine => "sqlite";

    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(null);
}

public sealed class AdoptOnPostgres : AdoptTests
{
    protected override string Engine => "postgres";

    protected override async Task<TestDatabase?> CreateDatabaseAsync() => await PostgreSql.Tests.PostgresFixture.CreateAsync();
}
