using System.Text.Json;
using Ratchet.Cli.Tests.Diff;
using Ratchet.PostgreSql.Tests;
using Ratchet.Schema;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary><c>ratchet inspect</c> of <c>examples/shop</c> in its four formats, on both engines.</summary>
public sealed class InspectTests
{
    [Fact]
    public async Task Inspect_of_the_shop_example_on_sqlite_in_four_formats()
    {
        using var project = new ProjectFolder().WithExample("shop");
        await CheckAsync(project, new Sqlite.Tests.SqliteTestDatabase(Path.Combine(project.Root, "shop.db")), "--config", Path.Combine(project.Root, "ratchet.toml"));
    }

    [Fact]
    public async Task Inspect_of_the_shop_example_on_postgres_in_four_formats()
    {
        await using var db = await PostgresFixture.CreateAsync();
        using var project = new ProjectFolder(db).WithExample("shop");
        await CheckAsync(project, db);
    }

    [Fact]
    public async Task Inspect_writes_to_a_file_with_output()
    {
        using var project = new ProjectFolder();
        project.Migrations.Add("001", null, "CREATE TABLE t (id INTEGER PRIMARY KEY);", "DROP TABLE t;");
        Assert.Equal(0, (await project.RunAsync("up")).ExitCode);

        var run = await project.RunAsync("inspect", "--format", "mermaid", "--output", "schema.mmd");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("erDiagram", await File.ReadAllTextAsync(Path.Combine(project.Root, "schema.mmd"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    private static async Task CheckAsync(ProjectFolder project, TestDatabase database, params string[] config)
    {
        var up = await project.RunAsync(["up", .. config]);
        Assert.True(up.ExitCode == 0, up.ToString());

        var sql = await project.RunAsync(["inspect", .. config]);
        var json = await project.RunAsync(["inspect", "--format", "json", .. config]);
        var markdown = await project.RunAsync(["inspect", "--format", "markdown", .. config]);
        var mermaid = await project.RunAsync(["inspect", "--format", "mermaid", .. config]);

        foreach (var run in new[] { sql, json, markdown, mermaid })
        {
            Assert.True(run.ExitCode == 0, run.ToString());
        }

        // The DDL rebuilds the same schema, and Ratchet's own tables are not in it.
        var live = await RoundTrip.LiveModelAsync(database);
        Assert.Empty(SchemaComparer.Differences(live, await RoundTrip.ModelOfAsync(database.Engine, sql.Out)));
        Assert.DoesNotContain("ratchet_", sql.Out, StringComparison.Ordinal);
        Assert.Equal(["customers", "order_items", "orders", "products"], live.Tables.Select(t => t.Name).Order(StringComparer.Ordinal));

        using var document = JsonDocument.Parse(json.Out);
        var tables = document.RootElement.GetProperty("tables").EnumerateArray().ToList();
        Assert.Equal(4, tables.Count);
        var items = tables.Single(t => t.GetProperty("name").GetString() == "order_items");
        Assert.Equal(2, items.GetProperty("foreignKeys").GetArrayLength());
        Assert.Equal(["order_id", "product_id"], items.GetProperty("primaryKey").GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(SchemaComparer.Differences(live, SchemaJson.Read(System.Text.Json.Nodes.JsonNode.Parse(json.Out)!)));

        Assert.Contains("### orders", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("- foreign key (order_id) → orders (id), on delete cascade", markdown.Out, StringComparison.Ordinal);
        Assert.Contains("- index idx_orders_created_at (created_at)", markdown.Out, StringComparison.Ordinal);

        Assert.StartsWith("erDiagram", mermaid.Out, StringComparison.Ordinal);
        Assert.Contains("customers ||--|{ orders : \"customer_id\"", mermaid.Out, StringComparison.Ordinal);
        Assert.Contains("orders ||--|{ order_items : \"order_id\"", mermaid.Out, StringComparison.Ordinal);
    }
}
