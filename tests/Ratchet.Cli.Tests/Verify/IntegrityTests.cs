using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Verify;

/// <summary>
/// Integrity on every real up: the data is checked before a constraint is added to a table that holds rows, and the
/// row counts of touched tables are reported.
/// </summary>
public abstract class IntegrityTests : IAsyncLifetime
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

    private async Task<string> UsersWithDuplicatesAsync()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE users (id integer PRIMARY KEY, email varchar(100), team integer);", "DROP TABLE users;");
        Assert.Equal(0, (await Project.RunAsync("up")).ExitCode);
        await Project.Database.ExecuteAsync("INSERT INTO users VALUES (1, 'ann@example.com', 1), (2, 'bob@example.com', NULL), (3, 'ann@example.com', 7)");
        return await Project.Database.FootprintAsync();
    }

    [Fact]
    public async Task A_unique_index_on_a_table_with_duplicates_stops_before_any_change_and_names_the_values()
    {
        var before = await UsersWithDuplicatesAsync();
        Project.Migrations.Add("002", "001", "ALTER TABLE users ADD COLUMN nickname varchar(50);\nCREATE UNIQUE INDEX users_email_key ON users (email);", "DROP INDEX users_email_key;");

        var up = await Project.RunAsync("up");

        Assert.Equal(3, up.ExitCode);
        Assert.Contains("002__revision_002.sql:7: revision 002 would add unique users_email_key (email) to users, but the table holds duplicate values", up.Error, StringComparison.Ordinal);
        Assert.Contains("email=ann@example.com", up.Error, StringComparison.Ordinal);
        Assert.Contains("nothing of the revision was applied", up.Error, StringComparison.Ordinal);
        Assert.Equal(before, StripLog(await Project.Database.FootprintAsync()), StringComparer.Ordinal);
    }

    [Fact]
    public async Task Setting_not_null_over_nulls_stops_and_shows_the_rows()
    {
        var before = await UsersWithDuplicatesAsync();
        Project.Migrations.Write("002__team_required.cs", """
            [Migration("002", Revises = "001", Message = "Team required")]
            public sealed class TeamRequired : Migration
            {
                public override void Up(MigrationBuilder op) => op.AlterColumn("users", "team", c => c.NotNull());
            }
            """);

        var up = await Project.RunAsync("up");

        Assert.Equal(3, up.ExitCode);
        Assert.Contains("would add NOT NULL on team to users, but the table holds NULLs: (id=2, email=bob@example.com, team=NULL)", up.Error, StringComparison.Ordinal);
        Assert.Equal(before, StripLog(await Project.Database.FootprintAsync()), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_clean_table_takes_the_constraint_and_the_row_counts_are_reported()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE users (id integer PRIMARY KEY, email varchar(100));\nINSERT INTO users VALUES (1, 'a'), (2, 'b');", "DROP TABLE users;");
        Project.Migrations.Add("002", "001", "CREATE UNIQUE INDEX users_email_key ON users (email);\nDELETE FROM users WHERE id = 2;", "INSERT INTO users VALUES (2, 'b');\nDROP INDEX users_email_key;");

        var up = await Project.RunAsync("up", "--json");

        Assert.True(up.ExitCode == 0, up.ToString());
        var rows = Assert.Single(up.Events("rows"));
        var users = Assert.Single(rows.GetProperty("tables").EnumerateArray());
        Assert.Equal(("users", 2, 1), (users.GetProperty("table").GetString(), users.GetProperty("before").GetInt32(), users.GetProperty("after").GetInt32()));
    }

    /// <summary>The log gains the failure's row; everything else must be as it was.</summary>
    protected static string StripLog(string footprint) => System.Text.RegularExpressions.Regex.Replace(footprint, @"ratchet_log\(\d+\)", "ratchet_log(1)");
}

public sealed class IntegrityOnSqlite : IntegrityTests
{
    protected override Task<TestDatabase?> CreateDatabaseAsync() => Task.FromResult<TestDatabase?>(null);
}

public sealed class IntegrityOnPostgres : IntegrityTests
{
    protected override async Task<TestDatabase?> CreateDatabaseAsync() => await PostgreSql.Tests.PostgresFixture.CreateAsync();

    [Theory]
    [InlineData("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);", "users_email_key", "email=ann@example.com")]
    [InlineData("ALTER TABLE users ADD CONSTRAINT users_team_positive CHECK (team > 3);", "users_team_positive", "team=1")]
    [InlineData("ALTER TABLE users ADD COLUMN region text NOT NULL;", "NOT NULL column region without a default", "(id=3, email=ann@example.com, team=7, nickname=NULL)")]
    public async Task A_constraint_the_rows_break_stops_the_revision_before_any_change_naming_them(string statement, string constraint, string row)
    {
        Project.Migrations.Add("001", null, "CREATE TABLE users (id integer PRIMARY KEY, email varchar(100), team integer);", "DROP TABLE users;");
        Assert.Equal(0, (await Project.RunAsync("up")).ExitCode);
        await Project.Database.ExecuteAsync("INSERT INTO users VALUES (1, 'ann@example.com', 1), (2, 'bob@example.com', 5), (3, 'ann@example.com', 7)");
        var before = await Project.Database.FootprintAsync();
        Project.Migrations.Add("002", "001", "ALTER TABLE users ADD COLUMN nickname varchar(50);\n" + statement, "SELECT 1;");

        var up = await Project.RunAsync("up");

        Assert.Equal(3, up.ExitCode);
        Assert.Contains("002__revision_002.sql:7: revision 002 would add", up.Error, StringComparison.Ordinal);
        Assert.True(up.Error.Contains(constraint, StringComparison.Ordinal) && up.Error.Contains(row, StringComparison.Ordinal), up.Error);
        Assert.Equal(before, StripLog(await Project.Database.FootprintAsync()), StringComparer.Ordinal);
    }

    [Fact]
    public async Task A_foreign_key_over_orphans_stops_and_names_them()
    {
        Project.Migrations.Add("001", null, "CREATE TABLE teams (id integer PRIMARY KEY);\nCREATE TABLE users (id integer PRIMARY KEY, team_id integer);\nINSERT INTO teams VALUES (1);\nINSERT INTO users VALUES (1, 1), (2, 9);", "DROP TABLE users;\nDROP TABLE teams;");
        Project.Migrations.Add("002", "001", "ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams (id);", "ALTER TABLE users DROP CONSTRAINT users_team_fk;");

        var up = await Project.RunAsync("up");

        Assert.Equal(3, up.ExitCode);
        Assert.Contains("but the table holds rows without a parent: (team_id=9)", up.Error, StringComparison.Ordinal);
    }
}
