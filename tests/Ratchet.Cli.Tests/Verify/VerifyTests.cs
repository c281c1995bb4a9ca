using System.Text.Json;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Verify;

/// <summary>
/// <c>ratchet verify</c> on every engine: the stairway finds a down that forgets something and a down that loses
/// data, passes lossless changes, passes the shop example with data, and never touches the configured database.
/// </summary>
public abstract class VerifyTests : IAsyncLifetime
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

    private void Users() => Project.Migrations.Add("001", null,
        "CREATE TABLE users (id integer PRIMARY KEY, name varchar(100) NOT NULL, score integer);", "DROP TABLE users;");

    [Fact]
    public async Task A_down_that_forgets_to_drop_an_index_fails_naming_the_index()
    {
        Users();
        Project.Migrations.Add("002", "001", "CREATE INDEX users_name_idx ON users (name);", "SELECT 1;");
        Project.Migrations.Add("003", "002", "CREATE TABLE audit (id integer PRIMARY KEY);", "DROP TABLE audit;");
        var before = await Project.Database.FootprintAsync();

        var result = await Project.RunAsync("verify");
        var json = await Project.RunAsync("verify", "--json");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("FAILED  002", result.Out, StringComparison.Ordinal);
        Assert.Contains("schema: after down, compared with before up: table users: unexpected index users_name_idx", result.Out, StringComparison.Ordinal);
        Assert.Contains("passed  001", result.Out, StringComparison.Ordinal);
        Assert.Contains("up again (after down) failed", result.Out, StringComparison.Ordinal);
        Assert.Equal(3, json.ExitCode);
        var revisions = JsonDocument.Parse(json.Out).RootElement.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal(["passed", "failed", "not-run"], revisions.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Contains("users_name_idx", revisions[1].GetProperty("schemaProblems")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }

    [Fact]
    public async Task A_down_that_drops_and_adds_a_column_back_is_data_lost_in_that_column_with_the_row_count()
    {
        Users();
        Project.Migrations.Add("002", "001", "ALTER TABLE users RENAME COLUMN name TO full_name;",
            "ALTER TABLE users DROP COLUMN full_name;\nALTER TABLE users ADD COLUMN name varchar(100);");

        var plain = await Project.RunAsync("verify");
        var data = await Project.RunAsync("verify", "--data", "--rows", "20", "--json");

        // Without data the schema comes back, except the column is now nullable: the stairway alone sees that much.
        Assert.Equal(3, plain.ExitCode);
        Assert.Equal(3, data.ExitCode);
        var step = JsonDocument.Parse(data.Out).RootElement.GetProperty("revisions")[1];
        var lost = step.GetProperty("afterDown").EnumerateArray().Single(f => f.GetProperty("column").GetString() == "name");
        Assert.Equal("not-restored", lost.GetProperty("kind").GetString());
        Assert.Equal("users", lost.GetProperty("table").GetString());
        Assert.Equal(20, lost.GetProperty("rows").GetInt32());
        Assert.Contains("users.name: data lost in 20 rows", lost.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(20, JsonDocument.Parse(data.Out).RootElement.GetProperty("revisions")[1].GetProperty("generatedRows").GetProperty("users").GetInt32());
    }

    [Fact]
    public async Task A_lossless_type_change_with_a_correct_down_passes_with_data()
    {
        Users();
        Project.Migrations.Write("002__widen_score.cs", """
            [Migration("002", Revises = "001", Message = "Widen users.score")]
            public sealed class WidenScore : Migration
            {
                public override void Up(MigrationBuilder op) =>
                    op.AlterColumn("users", "score", c => c.Type(SqlType.BigInt, from: SqlType.Int));
            }
            """);

        var result = await Project.RunAsync("verify", "--data");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("passed  002 Widen users.score", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("data lost", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("changed by up", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_data_passes_on_the_shop_example()
    {
        Project.WithExample("shop");

        var result = await Project.RunAsync("--config", "ratchet.toml", "verify", "--data", "--report", "verify.md");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Verified 8 revision(s)", result.Out, StringComparison.Ordinal);
        Assert.Contains("orders.status: 54 values changed", result.Out, StringComparison.Ordinal);
        var report = await File.ReadAllTextAsync(Path.Combine(Project.Root, "verify.md"), TestContext.Current.CancellationToken);
        Assert.Contains("## Ratchet verify: passed", report, StringComparison.Ordinal);
        Assert.Contains("| `20260107_002` |", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_whose_up_fails_is_named_with_its_line_and_the_rest_are_not_run()
    {
        Users();
        Project.Migrations.Add("002", "001", "ALTER TABLE users ADD COLUMN a integer;\nALTER TABLE nowhere ADD COLUMN b integer;", "SELECT 1;");
        Project.Migrations.Add("003", "002", "CREATE TABLE t3 (id integer);", "DROP TABLE t3;");

        var result = await Project.RunAsync("verify", "--json");

        Assert.Equal(3, result.ExitCode);
        var revisions = JsonDocument.Parse(result.Out).RootElement.GetProperty("revisions").EnumerateArray().ToList();
        Assert.Equal(["passed", "failed", "not-run"], revisions.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Contains("up failed", revisions[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("002__revision_002.sql:7", revisions[1].GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revision_without_down_is_tested_up_only()
    {
        Users();
        Project.Migrations.Add("002", "001", "INSERT INTO users (id, name) VALUES (1, 'a');", down: null);

        var result = await Project.RunAsync("verify");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("up only 002", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_below_one_is_exit_2_and_touches_nothing()
    {
        Users();
        var before = await Project.Database.FootprintAsync();

        var result = await Project.RunAsync("verify", "--data", "--rows", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--rows 0: give at least 1 row per table", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await Project.Database.FootprintAsync());
    }
}

public sealed class VerifyOnSqlite : VerifyTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(null);

    [Fact]
    public async Task The_scratch_file_is_deleted_after_a_failure()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");
        Project.Migrations.Add("002", "001", "CREATE TABLE b (id nowhere_type REFERENCES nowhere (id)); SELECT * FROM nowhere;", "DROP TABLE b;");
        var temp = Path.Combine(Project.Root, "tmp");
        Directory.CreateDirectory(temp);

        var result = await Cli.RunProcessAsync(Project.Root, new Dictionary<string, string> { ["TMPDIR"] = temp }, "verify");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("FAILED  002", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateFiles(temp, "*", SearchOption.AllDirectories), f => f.Contains("ratchet-scratch", StringComparison.Ordinal));
        Assert.True(Directory.Exists(Path.Combine(temp, "ratchet-scratch")), "the scratch folder was made under TMPDIR");
        Assert.False(File.Exists(Path.Combine(Project.Root, "ratchet.db")));
    }
}

public sealed class VerifyOnPostgres : VerifyTests
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() => await PostgreSql.Tests.PostgresFixture.CreateAsync();

    [Fact]
    public async Task A_dev_url_of_another_engine_is_exit_2()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");

        var result = await Project.RunAsync("verify", "--dev-url", "sqlite:dev.db");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--dev-url sqlite:dev.db is a sqlite server and the migrations run on postgres", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_dev_url_is_exit_2_without_its_password()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");

        var result = await Project.RunAsync("verify", "--dev-url", "postgres://bob:s3cret-pw@127.0.0.1:1/dev");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot connect to postgres://bob:***@127.0.0.1:1/dev", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pw", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_during_a_long_revision_stops_the_run_and_drops_the_scratch_database()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE a (id integer);\nSELECT pg_sleep(60);", "DROP TABLE a;");
        var db = (PostgreSql.Tests.PostgresTestDatabase)Project.Database;
        using var process = Project.Start("verify");
        var started = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
        var scratch = System.Text.RegularExpressions.Regex.Match(started ?? "", "ratchet_scratch_[0-9a-f]+").Value;
        Assert.NotEmpty(scratch);
        var sleeping = new Func<Task<bool>>(async () =>
            await db.CountAsync($"SELECT count(*) FROM pg_stat_activity WHERE datname = '{scratch}' AND query LIKE '%pg_sleep%'") > 0);
        for (var i = 0; i < 300 && !await sleeping(); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(await sleeping(), "the stairway never reached the revision's pg_sleep on " + scratch);

        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Equal(0, await db.CountAsync($"SELECT count(*) FROM pg_database WHERE datname = '{scratch}'"));
    }
}
