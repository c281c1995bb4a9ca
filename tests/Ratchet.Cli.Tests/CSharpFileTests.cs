using System.Text.Json;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>Loose .cs migrations: compiled by the tool, cached, mixed with .sql revisions.</summary>
public sealed class CSharpFileTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    private string Cache => Path.Combine(_project.Migrations.Path, ".ratchet");

    private const string UsersMigration = """
        [Migration("20260301_001", Revises = "base", Message = "Create users")]
        public sealed class CreateUsers : Migration
        {
            public override void Up(MigrationBuilder op)
            {
                op.CreateTable("users", t =>
                {
                    t.Column("id", SqlType.Int).PrimaryKey();
                    t.Column("email", SqlType.String(200)).NotNull().Unique();
                    t.Column("created_at", SqlType.DateTime).NotNull().Default(Sql.Now);
                });
                op.CreateIndex("ix_users_created_at", "users", "created_at");
            }
        }
        """;

    [Fact]
    public async Task A_cs_migration_and_a_sql_revision_run_up_and_down_together()
    {
        _project.Migrations.Write("20260301_001__create_users.cs", UsersMigration);
        _project.Migrations.Add("20260301_002", "20260301_001", "INSERT INTO users (id, email) VALUES (1, 'a@example.com');", "DELETE FROM users;");

        var up = await _project.RunAsync("up");
        var history = await _project.RunAsync("history", "--json");
        var down = await _project.RunAsync("down", "base");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Equal(["csharp", "sql"], JsonDocument.Parse(history.Out).RootElement.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("kind").GetString()));
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.False(await _project.Database.TableExistsAsync("users"));
    }

    [Fact]
    public async Task A_syntax_error_is_exit_2_with_file_and_line_and_runs_nothing()
    {
        _project.Migrations.Write("20260301_001__create_users.cs", UsersMigration.Replace("op.CreateIndex(\"ix_users_created_at\", \"users\", \"created_at\");",
            "op.CreateIndex(\"ix_users_created_at\", \"users\", \"created_at\")", StringComparison.Ordinal));
        var before = await _project.Database.FootprintAsync();

        var result = await _project.RunAsync("up");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{Path.Combine("migrations", "20260301_001__create_users.cs")}:12: does not compile: CS1002 ; expected", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, await _project.Database.FootprintAsync());
    }

    [Fact]
    public async Task The_second_run_loads_the_cached_assembly_and_an_edit_compiles_again()
    {
        _project.Migrations.Write("20260301_001__create_users.cs", UsersMigration);

        Assert.Equal(0, (await _project.RunAsync("status")).ExitCode);
        var cached = Directory.GetFiles(Cache, "*.dll").Single();
        var written = File.GetLastWriteTimeUtc(cached);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.Equal(0, (await _project.RunAsync("status")).ExitCode);

        Assert.Equal([cached], Directory.GetFiles(Cache, "*.dll"));
        Assert.Equal(written, File.GetLastWriteTimeUtc(cached));

        _project.Migrations.Write("20260301_001__create_users.cs", UsersMigration.Replace("SqlType.String(200)", "SqlType.String(250)", StringComparison.Ordinal));
        var edited = await _project.RunAsync("status");
        Assert.True(edited.ExitCode == 0, edited.ToString());
        Assert.Equal(2, Directory.GetFiles(Cache, "*.dll").Length);
    }

    [Fact]
    public async Task New_cs_writes_a_skeleton_that_compiles()
    {
        var created = await _project.RunAsync("new", "add orders", "--cs", "--json");
        var status = await _project.RunAsync("status", "--json");

        Assert.Equal(0, created.ExitCode);
        var file = JsonDocument.Parse(created.Out).RootElement.GetProperty("file").GetString()!;
        Assert.EndsWith("__add_orders.cs", file, StringComparison.Ordinal);
        Assert.Contains("public sealed class M", File.ReadAllText(Path.Combine(_project.Root, file)), StringComparison.Ordinal);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Equal(1, JsonDocument.Parse(status.Out).RootElement.GetProperty("pending").GetArrayLength());
    }

    [Fact]
    public async Task A_cs_migration_whose_down_cannot_be_derived_fails_at_load_with_exit_2()
    {
        _project.Migrations.Write("20260301_001__drop.cs", """
            [Migration("20260301_001", Revises = "base", Message = "Drop a column blindly")]
            public sealed class DropBlindly : Migration
            {
                public override void Up(MigrationBuilder op) => op.DropColumn("users", "is_active");
            }
            """);

        var result = await _project.RunAsync("status");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("20260301_001__drop.cs:2: migration 20260301_001 (DropBlindly) has no Down", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _project.Dispose();
}
