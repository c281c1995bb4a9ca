using System.Text.Json;
using Ratchet.Engines;
using Ratchet.Schema;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Diff;

/// <summary>
/// The round-trip property on a real database: the revision <c>ratchet diff --write</c> writes for (A, B), applied with
/// <c>ratchet up</c> to a database at A, gives B; <c>ratchet down</c> gives A back; the rows of the tables A and B share
/// are all still there. A and B are read independently, by running their SQL on scratch databases.
/// </summary>
internal static class RoundTrip
{
    public static async Task RunAsync(ProjectFolder project, TestDatabase database, SchemaPair pair)
    {
        project.Migrations.Add("001", null, pair.From, "SELECT 1;");
        await File.WriteAllTextAsync(Path.Combine(project.Root, "desired.sql"), pair.To, TestContext.Current.CancellationToken);
        var first = await project.RunAsync("up");
        Assert.True(first.ExitCode == 0, first.ToString());
        if (pair.Seed is not null)
        {
            await database.ExecuteAsync(pair.Seed);
        }

        var expectedA = await ModelOfAsync(database.Engine, pair.From);
        var expectedB = await ModelOfAsync(database.Engine, pair.To);
        Assert.NotEmpty(SchemaComparer.Differences(expectedA, expectedB));
        var shared = SharedColumns(expectedA, expectedB, pair.Renames);
        var rows = await RowsAsync(database, shared, after: false);

        var diff = await project.RunAsync(["diff", "--to", "desired.sql", "--write", "--json", .. pair.Renames.SelectMany(r => new[] { "--rename", r })]);
        Assert.True(diff.ExitCode == 0, diff.ToString());
        using var report = JsonDocument.Parse(diff.Out);
        Assert.True(report.RootElement.GetProperty("checked").GetBoolean(), diff.Out);
        var written = report.RootElement.GetProperty("revisions").GetArrayLength();
        Assert.InRange(written, 1, 2);
        Assert.Equal(written + 1, Directory.GetFiles(project.Migrations.Path, "*.sql").Length);

        var up = await project.RunAsync("up");
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Empty(SchemaComparer.Differences(expectedB, await LiveModelAsync(database)));
        Assert.Equal(rows, await RowsAsync(database, shared, after: true));

        var down = await project.RunAsync("down", $"-{written}");
        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Empty(SchemaComparer.Differences(expectedA, await LiveModelAsync(database)));
        Assert.Equal(rows, await RowsAsync(database, shared, after: false));

        var validate = await project.RunAsync("validate");
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    /// <summary>The schema <paramref name="sql"/> builds, read from a scratch database of the engine.</summary>
    public static async Task<SchemaModel> ModelOfAsync(IDatabaseEngine engine, string sql)
    {
        await using var scratch = await engine.CreateScratchAsync(TestContext.Current.CancellationToken);
        return await ScratchSchema.ApplyAsync(scratch, sql, "pair.sql", TestContext.Current.CancellationToken);
    }

    public static async Task<SchemaModel> LiveModelAsync(TestDatabase database)
    {
        using var connection = await database.Engine.OpenAsync(createIfMissing: false, TestContext.Current.CancellationToken);
        return await database.Engine.ReadSchemaAsync(connection!, TestContext.Current.CancellationToken);
    }

    /// <summary>(table, column) before and after the change, for every non-generated column both schemas have (renames followed).</summary>
    private static List<(string Table, string Column, string NewTable, string NewColumn)> SharedColumns(SchemaModel a, SchemaModel b, IReadOnlyList<string> renames)
    {
        var parsed = renames.Select(SchemaRename.Parse).ToList();
        var shared = new List<(string, string, string, string)>();
        foreach (var table in a.Tables)
        {
            var newTable = parsed.FirstOrDefault(r => r.IsTable && r.Table == table.Name)?.NewName ?? table.Name;
            if (b.Table(newTable) is not { } after)
            {
                continue;
            }

            foreach (var column in table.Columns)
            {
                var newColumn = parsed.FirstOrDefault(r => !r.IsTable && r.Table == table.Name && r.Column == column.Name)?.NewName ?? column.Name;
                if (after.Column(newColumn) is { Generated: null })
                {
                    shared.Add((table.Name, column.Name, newTable, newColumn));
                }
            }
        }

        return shared;
    }

    /// <summary>Every value of the shared columns, table by table, rows in a stable order: what neither direction may lose.</summary>
    private static async Task<string> RowsAsync(TestDatabase database, List<(string Table, string Column, string NewTable, string NewColumn)> shared, bool after)
    {
        var q = database.Engine.Dialect.QuoteIdentifier;
        var text = new System.Text.StringBuilder();
        foreach (var group in shared.GroupBy(s => after ? s.NewTable : s.Table))
        {
            var columns = string.Join(" || '|' || ", group.Select(c => $"coalesce(CAST({q(after ? c.NewColumn : c.Column)} AS TEXT), '<null>')"));
            var rows = await database.ListAsync($"SELECT {columns} FROM {q(group.Key)} ORDER BY 1");
            text.Append(group.First().Table).Append(": ").AppendLine(string.Join("; ", rows));
        }

        return text.ToString();
    }
}
