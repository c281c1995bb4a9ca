using System.Text.Json;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>init, new, merge, stamp, heads, graph, history, and where settings come from.</summary>
public sealed class WorkflowTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    [Fact]
    public async Task Init_writes_the_config_and_folder_and_will_not_overwrite_them()
    {
        var root = Path.Combine(_project.Root, "fresh");
        Directory.CreateDirectory(root);

        var first = await Cli.RunAsync(root, "init");
        var second = await Cli.RunAsync(root, "init");

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("url = \"sqlite:ratchet.db\"", File.ReadAllText(Path.Combine(root, "ratchet.toml")), StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(root, "migrations")));
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("ratchet.toml already exists", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_new_revisions_on_one_parent_make_two_heads_that_merge_joins()
    {
        var root = _project.Root;
        Assert.Equal(0, (await Cli.RunAsync(root, "new", "create accounts")).ExitCode);
        var parent = Directory.GetFiles(_project.Migrations.Path).Single();
        var parentId = Path.GetFileName(parent)[..12];
        File.WriteAllText(parent, File.ReadAllText(parent).Replace("-- ratchet:up\n", "-- ratchet:up\nCREATE TABLE accounts (id INTEGER);\n", StringComparison.Ordinal)
            .Replace("-- ratchet:down\n", "-- ratchet:down\nDROP TABLE accounts;\n", StringComparison.Ordinal));
        var left = await Cli.RunAsync(root, "new", "add left", "--json");
        var right = await Cli.RunAsync(root, "new", "add right", "--revises", parentId, "--json");
        var leftId = JsonDocument.Parse(left.Out).RootElement.GetProperty("id").GetString()!;
        var rightId = JsonDocument.Parse(right.Out).RootElement.GetProperty("id").GetString()!;
        foreach (var (id, table) in new[] { (leftId, "lefts"), (rightId, "rights") })
        {
            var file = Directory.GetFiles(_project.Migrations.Path, id + "__*.sql").Single();
            File.WriteAllText(file, File.ReadAllText(file)
                .Replace("-- ratchet:up\n", $"-- ratchet:up\nCREATE TABLE {table} (id INTEGER);\n", StringComparison.Ordinal)
                .Replace("-- ratchet:down\n", $"-- ratchet:down\nDROP TABLE {table};\n", StringComparison.Ordinal));
        }

        var status = await Cli.RunAsync(root, "status", "--json");
        using (var document = JsonDocument.Parse(status.Out))
        {
            Assert.Equal(2, document.RootElement.GetProperty("heads").GetArrayLength());
        }

        var refused = await Cli.RunAsync(root, "up");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains(leftId, refused.Error, StringComparison.Ordinal);
        Assert.Contains(rightId, refused.Error, StringComparison.Ordinal);
        Assert.Contains("ratchet merge", refused.Error, StringComparison.Ordinal);
        Assert.False(await _project.Database.TableExistsAsync("accounts"));

        var merge = await Cli.RunAsync(root, "merge");
        Assert.True(merge.ExitCode == 0, merge.ToString());
        var up = await Cli.RunAsync(root, "up");
        Assert.True(up.ExitCode == 0, up.ToString());
        Assert.Contains("Applied 4 revision(s)", up.Out, StringComparison.Ordinal);
        var heads = await Cli.RunAsync(root, "heads", "--json");
        Assert.Single(JsonDocument.Parse(heads.Out).RootElement.GetProperty("heads").EnumerateArray());
    }

    [Fact]
    public async Task New_refuses_to_guess_a_parent_when_there_are_two_heads()
    {
        _project.Migrations.Add("001", null, "", "");
        _project.Migrations.Add("002", "001", "", "");
        _project.Migrations.Add("003", "001", "", "");

        var result = await _project.RunAsync("new", "third");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("there are 2 heads (002, 003)", result.Error, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(_project.Migrations.Path).Length);
    }

    [Fact]
    public async Task Stamp_history_and_log_show_what_happened()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");

        var stamp = await _project.RunAsync("stamp", "001");
        var up = await _project.RunAsync("up");
        var history = await _project.RunAsync("history");
        var log = await _project.RunAsync("history", "--log", "--json");

        Assert.Equal(0, stamp.ExitCode);
        Assert.Contains("Stamped 1 revision(s): 001", stamp.Out, StringComparison.Ordinal);
        Assert.Equal(0, up.ExitCode);
        Assert.False(await _project.Database.TableExistsAsync("a"));
        Assert.True(await _project.Database.TableExistsAsync("b"));
        Assert.Contains("stamped", history.Out, StringComparison.Ordinal);
        Assert.Contains("applied", history.Out, StringComparison.Ordinal);
        var actions = JsonDocument.Parse(log.Out).RootElement.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("action").GetString());
        Assert.Equal(["stamp", "up"], actions);
    }

    [Fact]
    public async Task Graph_draws_parents_and_dependencies_in_mermaid_and_dot()
    {
        _project.Migrations.Add("001", null, "", "");
        _project.Migrations.Add("002", "001", "", "", "-- ratchet:depends-on 000");
        _project.Migrations.Add("000", null, "", "");

        var mermaid = await _project.RunAsync("graph");
        var dot = await _project.RunAsync("graph", "--format", "dot");

        Assert.Contains("flowchart BT", mermaid.Out, StringComparison.Ordinal);
        Assert.Contains("r1 --> r2", mermaid.Out, StringComparison.Ordinal);
        Assert.Contains("r0 -.-> r2", mermaid.Out, StringComparison.Ordinal);
        Assert.Contains("\"001\" -> \"002\";", dot.Out, StringComparison.Ordinal);
        Assert.Contains("\"000\" -> \"002\" [style=dotted];", dot.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_url_comes_from_the_option_then_ratchet_url_then_database_url_then_the_config()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
        File.WriteAllText(Path.Combine(_project.Root, "ratchet.toml"), "[database]\nurl = \"sqlite:from_config.db\"\n");
        var env = new Dictionary<string, string> { ["DATABASE_URL"] = "sqlite:from_database_url.db" };

        await Cli.RunAsync(_project.Root, env, "up");
        env["RATCHET_URL"] = "sqlite:from_ratchet_url.db";
        await Cli.RunAsync(_project.Root, env, "up");
        await Cli.RunAsync(_project.Root, env, "up", "--url", "sqlite:from_option.db");
        await Cli.RunAsync(_project.Root, "up");

        foreach (var name in new[] { "from_config.db", "from_database_url.db", "from_ratchet_url.db", "from_option.db" })
        {
            Assert.True(File.Exists(Path.Combine(_project.Root, name)), name);
        }

        Assert.False(File.Exists(Path.Combine(_project.Root, "ratchet.db")));
    }

    public void Dispose() => _project.Dispose();
}
