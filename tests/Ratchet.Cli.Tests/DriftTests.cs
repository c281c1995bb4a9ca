using System.Text.Json;
using Ratchet.PostgreSql.Tests;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>Schema drift: a change made by hand on a migrated database is shown by status, fails validate (exit 3) and is logged by the next run.</summary>
public sealed class DriftTests
{
    [Fact]
    public async Task A_hand_made_alter_table_on_sqlite_fails_validate_with_exit_3_and_is_shown()
    {
        using var project = new ProjectFolder();
        await CheckAsync(project, project.Database, "ALTER TABLE users ADD COLUMN nickname TEXT", "column users.nickname: unexpected");
    }

    [Fact]
    public async Task A_hand_made_alter_table_on_postgres_fails_validate_with_exit_3_and_is_shown()
    {
        await using var db = await PostgresFixture.CreateAsync();
        using var project = new ProjectFolder(db);
        await CheckAsync(project, db, "ALTER TABLE users ALTER COLUMN email DROP NOT NULL", "column users.email: nullable instead of NOT NULL");
    }

    private static async Task CheckAsync(ProjectFolder project, TestDatabase database, string alter, string shown)
    {
        project.Migrations.Add("001", null, "CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);", "DROP TABLE users;");
        project.Migrations.Add("002", "001", "CREATE INDEX users_email ON users (email);", "DROP INDEX users_email;");
        Assert.Equal(0, (await project.RunAsync("up", "001")).ExitCode);
        var clean = await project.RunAsync("validate");
        Assert.True(clean.ExitCode == 0, clean.ToString());

        await database.ExecuteAsync(alter);
        var before = await database.SnapshotAsync();
        var validate = await project.RunAsync("validate");
        var json = await project.RunAsync("validate", "--json");
        var status = await project.RunAsync("status");

        Assert.Equal(3, validate.ExitCode);
        Assert.Contains($"drift: {shown}", validate.Error, StringComparison.Ordinal);
        Assert.Equal(3, json.ExitCode);
        using (var document = JsonDocument.Parse(json.Out))
        {
            Assert.Contains(document.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "drift");
        }

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("schema drift", status.Out, StringComparison.Ordinal);
        Assert.Contains(shown, status.Out, StringComparison.Ordinal);
        Assert.Equal(before, await database.SnapshotAsync());

        // The next run says so, logs it, and records the schema as it then is.
        var up = await project.RunAsync("up");
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("warning: schema drift", up.Out, StringComparison.Ordinal);
        var log = await project.RunAsync("history", "--log", "--json");
        Assert.Contains(shown, log.Out, StringComparison.Ordinal);
        Assert.Contains("\"drift\"", log.Out, StringComparison.Ordinal);
        Assert.Equal(0, (await project.RunAsync("validate")).ExitCode);
    }
}
