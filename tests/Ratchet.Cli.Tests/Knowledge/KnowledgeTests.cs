using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Ratchet.Cli.Tests.Knowledge;

/// <summary>The knowledge base: <c>ratchet docs</c>, <c>ratchet preflight</c> and the decisions log, on the shop example.</summary>
public sealed class KnowledgeTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    private string Patterns => Path.Combine(_project.Root, "kb", "backend-patterns.md");

    private string Decisions => Path.Combine(_project.Root, "kb", "decisions.log");

    private Task<CliResult> Run(params string[] args) => _project.RunAsync(["--config", "ratchet.toml", .. args]);

    private static void Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var git = Process.Start(start)!;
        git.WaitForExit();
        Assert.True(git.ExitCode == 0, $"git {string.Join(' ', args)}: {git.StandardError.ReadToEnd()}");
    }

    [Fact]
    public async Task Docs_writes_a_section_per_revision_and_the_er_diagram_and_a_second_run_leaves_git_diff_empty()
    {
        _project.WithExample("shop");
        File.Delete(Patterns);
        Git(_project.Root, "init", "-q");
        Git(_project.Root, "-c", "user.email=t@example.com", "-c", "user.name=t", "add", ".");
        Git(_project.Root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "Add the shop migrations");

        var first = await Run("docs");
        var text = await File.ReadAllTextAsync(Patterns, TestContext.Current.CancellationToken);
        Git(_project.Root, "add", "kb");
        Git(_project.Root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "docs");
        var second = await Run("docs");
        var check = await Run("docs", "--check");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(8, text.Split('\n').Count(l => l.StartsWith("## Migration: ", StringComparison.Ordinal)));
        Assert.Contains("## Migration: 20260107_002 Spell out order statuses (N/S/D to new/shipped/delivered)", text, StringComparison.Ordinal);
        Assert.Contains("- **Strategy:** data migration (changes rows): UPDATE orders (every row).", text, StringComparison.Ordinal);
        Assert.Contains("- **Rollback:** a written down.", text, StringComparison.Ordinal);
        Assert.Contains("RAT025 (warning, line 10)", text, StringComparison.Ordinal);
        Assert.Contains("```mermaid\nerDiagram", text, StringComparison.Ordinal);
        Assert.Contains("### orders", text, StringComparison.Ordinal);
        Assert.Contains("is up to date; nothing written", second.Out, StringComparison.Ordinal);
        Assert.Equal(0, check.ExitCode);
        var status = Process.Start(new ProcessStartInfo("git", ["status", "--porcelain"]) { WorkingDirectory = _project.Root, RedirectStandardOutput = true })!;
        var porcelain = await status.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await status.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal("", porcelain.Trim());
    }

    [Fact]
    public async Task A_paragraph_written_outside_the_markers_survives_and_a_stale_file_fails_check()
    {
        _project.WithExample("shop");
        Assert.Equal(0, (await Run("docs")).ExitCode);
        var edited = (await File.ReadAllTextAsync(Patterns, TestContext.Current.CancellationToken))
            .Replace("<!-- ratchet:begin migration-20260106_002 -->", "Our own note: seeds are for the demo only.\n\n<!-- ratchet:begin migration-20260106_002 -->", StringComparison.Ordinal)
            .Replace("As the migrations build it", "Stale text the tool owns", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Patterns, edited, TestContext.Current.CancellationToken);

        var check = await Run("docs", "--check");
        var docs = await Run("docs");
        var text = await File.ReadAllTextAsync(Patterns, TestContext.Current.CancellationToken);

        Assert.Equal(3, check.ExitCode);
        Assert.Contains("is not up to date", check.Out, StringComparison.Ordinal);
        Assert.Equal(0, docs.ExitCode);
        Assert.Contains("Our own note: seeds are for the demo only.\n\n<!-- ratchet:begin migration-20260106_002 -->", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Stale text the tool owns", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_says_what_verify_found_and_forgets_it_when_the_file_changes()
    {
        _project.WithExample("shop");
        Assert.Equal(0, (await Run("verify", "--data")).ExitCode);
        Assert.Equal(0, (await Run("docs")).ExitCode);
        var verified = await File.ReadAllTextAsync(Patterns, TestContext.Current.CancellationToken);
        var file = Path.Combine(_project.Root, "migrations", "20260109_001__index_orders_by_date.sql");
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Replace("(created_at)", "(created_at, id)", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Run("docs")).ExitCode);
        var changed = await File.ReadAllTextAsync(Patterns, TestContext.Current.CancellationToken);

        Assert.Contains("- **Verified:** `ratchet verify --data` passed on sqlite.", verified, StringComparison.Ordinal);
        Assert.Contains("`verify --data` found that it gives every row back.", verified, StringComparison.Ordinal);
        var section = changed[changed.IndexOf("## Migration: 20260109_001", StringComparison.Ordinal)..];
        Assert.Contains("- **Verified:** not yet (run `ratchet verify --data`).", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_on_the_shop_shows_every_section_and_is_ready()
    {
        _project.WithExample("shop");
        Directory.CreateDirectory(Path.Combine(_project.Root, "work"));
        await File.WriteAllTextAsync(Path.Combine(_project.Root, "work", "loyalty-design.md"), "# Loyalty points\n\n```sql\nCREATE TABLE points (id integer PRIMARY KEY);\n```\n",
            TestContext.Current.CancellationToken);
        Assert.Equal(0, (await Run("docs")).ExitCode);

        var text = await Run("preflight");
        var json = await Run("preflight", "--json");

        Assert.True(text.ExitCode == 0, text.ToString());
        foreach (var section in new[] { "Knowledge base", "API contracts", "No contracts yet.", "Design notes", "Recent migration commits", "Database", "Lint of pending revisions", "Verdict: ready." })
        {
            Assert.Contains(section, text.Out, StringComparison.Ordinal);
        }

        Assert.Contains("Loyalty points (1 SQL block(s)); to turn it into a revision: ratchet diff --to work/loyalty-design.md", text.Out, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json.Out);
        Assert.True(doc.RootElement.GetProperty("ready").GetBoolean());
        Assert.Equal(8, doc.RootElement.GetProperty("database").GetProperty("pending").GetArrayLength());
        Assert.Equal("the database does not exist yet", doc.RootElement.GetProperty("knowledge").GetProperty("schemaSection").GetString());
        Assert.Equal(0, (await Run("up")).ExitCode);
        using var after = JsonDocument.Parse((await Run("preflight", "--json")).Out);
        Assert.Equal("matches the live database", after.RootElement.GetProperty("knowledge").GetProperty("schemaSection").GetString());
    }

    [Fact]
    public async Task Preflight_is_blocked_with_exit_3_naming_two_heads()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");
        _project.Migrations.Add("002", "001", "CREATE TABLE b (id integer);", "DROP TABLE b;");
        _project.Migrations.Add("003", "001", "CREATE TABLE c (id integer);", "DROP TABLE c;");

        var result = await _project.RunAsync("preflight");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Verdict: blocked.", result.Out, StringComparison.Ordinal);
        Assert.Contains("the migrations have 2 heads (002, 003): join them with `ratchet merge`", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_is_blocked_with_exit_3_naming_the_drift()
    {
        _project.Migrations.Add("001", null, "CREATE TABLE a (id integer);", "DROP TABLE a;");
        Assert.Equal(0, (await _project.RunAsync("up")).ExitCode);
        await _project.Database.ExecuteAsync("ALTER TABLE a ADD COLUMN sneaky text");

        var result = await _project.RunAsync("preflight", "--json");

        Assert.Equal(3, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        Assert.Contains(doc.RootElement.GetProperty("blocked").EnumerateArray(), b => b.GetString() == "schema drift: column a.sneaky: unexpected");
    }

    [Fact]
    public async Task Each_decision_producing_command_appends_exactly_one_line()
    {
        Directory.CreateDirectory(_project.Migrations.Path);
        async Task<string[]> After(params string[] args)
        {
            var result = await _project.RunAsync(args);
            Assert.True(result.ExitCode == 0, result.ToString());
            return File.Exists(Decisions) ? await File.ReadAllLinesAsync(Decisions, TestContext.Current.CancellationToken) : [];
        }

        var afterNew = await After("new", "create accounts", "--id", "001");
        File.WriteAllText(Path.Combine(_project.Migrations.Path, "001__create_accounts.sql"), "-- ratchet:revises base\n-- ratchet:message create accounts\n-- ratchet:up\nCREATE TABLE accounts (id integer);\n-- ratchet:down\nDROP TABLE accounts;\n");
        var afterUp = await After("up", "--decision", "the accounts feature ships today");
        var afterDown = await After("down");
        var afterStamp = await After("stamp", "001");
        await After("new", "left", "--id", "002");
        await After("new", "right", "--id", "003", "--revises", "001");
        var afterMerge = await After("merge", "-m", "join left and right");

        Assert.Single(afterNew);
        Assert.Matches(@"^\[\d{4}-\d\d-\d\d \d\d:\d\d\] \[db-migration\] Decision: new revision 001 ""create accounts"" \(", afterNew[0]);
        Assert.Equal(2, afterUp.Length);
        Assert.Contains("Decision: applied 001 \"create accounts\" (add-only) to reach head on sqlite:", afterUp[1], StringComparison.Ordinal);
        Assert.EndsWith("Reason: the accounts feature ships today", afterUp[1], StringComparison.Ordinal);
        Assert.Equal(3, afterDown.Length);
        Assert.Contains("Decision: reverted 001", afterDown[2], StringComparison.Ordinal);
        Assert.Equal(4, afterStamp.Length);
        Assert.Contains("Decision: stamp 001", afterStamp[3], StringComparison.Ordinal);
        Assert.Equal(7, afterMerge.Length);
        Assert.Contains("Decision: merge revision", afterMerge[6], StringComparison.Ordinal);
        Assert.Equal(afterNew[0], afterMerge[0]);
    }

    public void Dispose() => _project.Dispose();
}
