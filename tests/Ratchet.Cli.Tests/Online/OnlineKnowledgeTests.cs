using Xunit;

namespace Ratchet.Cli.Tests.Online;

/// <summary>Online revisions in the rest of the tool: verify's stairway, the decisions log, the strategy in docs.</summary>
public sealed class OnlineKnowledgeTests : IAsyncLifetime
{
    private OnlineProject _p = null!;

    private string Decisions => Path.Combine(_p.Project.Root, "kb", "decisions.log");

    public async ValueTask InitializeAsync()
    {
        _p = await OnlineProject.CreateAsync();
        _p.Plain("001", null, "CREATE TABLE orders (id serial PRIMARY KEY, amount int NOT NULL);\nINSERT INTO orders (amount) SELECT g FROM generate_series(1, 100) g;",
            "DROP TABLE orders;");
        _p.Online("002", "001", "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\nCREATE INDEX orders_amount ON orders (amount);");
    }

    public async ValueTask DisposeAsync() => await _p.DisposeAsync();

    [Fact]
    public async Task Start_complete_and_abort_each_append_exactly_one_decision_line()
    {
        await _p.OkAsync("up", "001");
        var before = Lines().Length;
        await _p.OkAsync("start");
        var afterStart = Lines();
        Assert.Equal(before + 1, afterStart.Length);
        Assert.Contains("Decision: start online revision 002", afterStart[^1], StringComparison.Ordinal);
        Assert.Contains("expand/contract", afterStart[^1], StringComparison.Ordinal);
        await _p.OkAsync("abort");
        var afterAbort = Lines();
        Assert.Equal(before + 2, afterAbort.Length);
        Assert.Contains("Decision: abort online revision 002", afterAbort[^1], StringComparison.Ordinal);
        await _p.OkAsync("start", "--decision", "widen before the id space runs out");
        await _p.OkAsync("complete");
        var afterComplete = Lines();
        Assert.Equal(before + 4, afterComplete.Length);
        Assert.Contains("widen before the id space runs out", afterComplete[^2], StringComparison.Ordinal);
        Assert.Contains("Decision: complete online revision 002", afterComplete[^1], StringComparison.Ordinal);
        Assert.All(afterComplete.Skip(before), l => Assert.Matches(@"^\[\d{4}-\d\d-\d\d \d\d:\d\d\] \[db-migration\] Decision: ", l));
    }

    [Fact]
    public async Task Verify_runs_the_stairway_over_an_online_revision()
    {
        var verify = await _p.RunAsync("verify", "--data");
        Assert.True(verify.ExitCode == 0, verify.ToString());
        Assert.Contains("002", verify.Out, StringComparison.Ordinal);
        Assert.Contains("2 passed, 0 up only, 0 failed", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_name_the_strategy_of_an_online_revision()
    {
        var docs = await _p.RunAsync("docs");
        Assert.True(docs.ExitCode == 0, docs.ToString());
        var patterns = await File.ReadAllTextAsync(Path.Combine(_p.Project.Root, "kb", "backend-patterns.md"), TestContext.Current.CancellationToken);
        var section = patterns[patterns.IndexOf("## Migration: 002", StringComparison.Ordinal)..];
        Assert.Contains("expand/contract", section, StringComparison.Ordinal);
        Assert.Contains("online alter column orders.amount type bigint", section, StringComparison.Ordinal);
        Assert.DoesNotContain("custom", section, StringComparison.Ordinal);
    }

    private string[] Lines() => File.Exists(Decisions) ? File.ReadAllLines(Decisions) : [];
}
