using System.Text.Json;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>The README's first command, on a copy of <c>examples/shop</c>.</summary>
public sealed class ExampleTests : IDisposable
{
    private readonly ProjectFolder _project = new ProjectFolder().WithExample("shop");

    private string Config => Path.Combine(_project.Root, "ratchet.toml");

    private string ShopDb => Path.Combine(_project.Root, "shop.db");

    [Fact]
    public async Task The_readme_command_applies_the_example_and_status_shows_every_revision_applied()
    {
        var up = await Cli.RunAsync(_project.Root, "up", "--config", Config);
        var status = await Cli.RunAsync(_project.Root, "status", "--config", Config);
        var json = await Cli.RunAsync(_project.Root, "status", "--config", Config, "--json");

        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("Applied 8 revision(s)", up.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(ShopDb));
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("8 of 8, 0 pending", status.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing pending", status.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(8, document.RootElement.GetProperty("applied").GetArrayLength());
        Assert.Equal(0, document.RootElement.GetProperty("pending").GetArrayLength());
    }

    [Fact]
    public async Task Down_base_then_up_gives_an_identical_schema_and_the_same_data()
    {
        var db = new Sqlite.Tests.SqliteTestDatabase(ShopDb);
        Assert.Equal(0, (await Cli.RunAsync(_project.Root, "up", "--config", Config)).ExitCode);
        var schema = await db.SchemaAsync();
        var statuses = await db.ScalarAsync("SELECT group_concat(status, ',') FROM (SELECT status FROM orders ORDER BY id)");

        var down = await Cli.RunAsync(_project.Root, "down", "base", "--config", Config);
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Empty(await db.UserTablesAsync());
        var up = await Cli.RunAsync(_project.Root, "up", "--config", Config);
        Assert.True(up.ExitCode == 0, up.ToString());

        Assert.Equal(schema, await db.SchemaAsync());
        Assert.Equal("new,shipped,delivered,new", statuses);
        Assert.Equal(statuses, await db.ScalarAsync("SELECT group_concat(status, ',') FROM (SELECT status FROM orders ORDER BY id)"));
    }

    [Fact]
    public async Task The_data_migration_converts_values_both_ways()
    {
        var db = new Sqlite.Tests.SqliteTestDatabase(ShopDb);
        await Cli.RunAsync(_project.Root, "up", "20260106_002", "--config", Config);
        const string Statuses = "SELECT group_concat(status, ',') FROM (SELECT status FROM orders ORDER BY id)";
        Assert.Equal("N,S,D,N", await db.ScalarAsync(Statuses));

        await Cli.RunAsync(_project.Root, "up", "statuses@head", "--config", Config);
        Assert.Equal("new,shipped,delivered,new", await db.ScalarAsync(Statuses));

        var down = await Cli.RunAsync(_project.Root, "down", "20260106_002", "--config", Config);
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Equal("N,S,D,N", await db.ScalarAsync(Statuses));
    }

    [Fact]
    public async Task Plan_sql_prints_the_exact_sql_without_opening_a_database()
    {
        var plan = await Cli.RunAsync(_project.Root, "plan", "--sql", "--config", Config);

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.False(File.Exists(ShopDb));
        Assert.Contains("CREATE TABLE customers (", plan.Out, StringComparison.Ordinal);
        Assert.Contains("CREATE INDEX idx_orders_created_at ON orders (created_at);", plan.Out, StringComparison.Ordinal);
        Assert.Equal(8, plan.Out.Split("BEGIN IMMEDIATE;").Length - 1);
        Assert.Equal(8, plan.Out.Split("COMMIT;").Length - 1);
        Assert.Contains("'20260109_001'", plan.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_sql_runs_on_sqlite3_and_gives_the_schema_ratchet_gives()
    {
        var plan = await Cli.RunAsync(_project.Root, "plan", "--sql", "--config", Config);
        var scripted = new Sqlite.Tests.SqliteTestDatabase(Path.Combine(_project.Root, "scripted.db"));
        await scripted.ExecuteScriptAsync(plan.Out);
        await Cli.RunAsync(_project.Root, "up", "--config", Config);
        var migrated = new Sqlite.Tests.SqliteTestDatabase(ShopDb);

        Assert.Equal(await migrated.SchemaAsync(), await scripted.SchemaAsync());
        Assert.Equal(8, await scripted.CountAsync("SELECT count(*) FROM ratchet_history"));
    }

    public void Dispose() => _project.Dispose();
}
