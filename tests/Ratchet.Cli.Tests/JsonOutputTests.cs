using System.Text.Json;
using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>--json gives documents that parse, with stable fields.</summary>
public sealed class JsonOutputTests : IDisposable
{
    private readonly ProjectFolder _project = new ProjectFolder().WithExample("shop");

    private Task<CliResult> Run(params string[] args) => Cli.RunAsync(_project.Root, [.. args, "--json"]);

    [Fact]
    public async Task Up_writes_one_json_event_per_line_ending_with_a_summary()
    {
        var up = await Run("up");

        Assert.Equal(0, up.ExitCode);
        var events = up.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal("plan", events[0].GetProperty("event").GetString());
        Assert.Equal(8, events[0].GetProperty("plan").GetProperty("steps").GetArrayLength());
        Assert.Equal(8, events.Count(e => e.GetProperty("event").GetString() == "completed"));
        Assert.Equal("summary", events[^1].GetProperty("event").GetString());
        Assert.Equal(8, events[^1].GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Status_history_and_plan_are_single_json_documents()
    {
        var planBefore = await Run("plan");
        await Run("up", "+3");

        var status = await Run("status");
        var history = await Run("history");
        var plan = await Run("plan");
        var planSql = await Run("plan", "--sql");

        using var planBeforeDoc = JsonDocument.Parse(planBefore.Out);
        Assert.Equal(8, planBeforeDoc.RootElement.GetProperty("steps").GetArrayLength());
        using var statusDoc = JsonDocument.Parse(status.Out);
        Assert.Equal(3, statusDoc.RootElement.GetProperty("applied").GetArrayLength());
        Assert.Equal(5, statusDoc.RootElement.GetProperty("pending").GetArrayLength());
        Assert.Equal("20260106_001", statusDoc.RootElement.GetProperty("current")[0].GetString());
        using var historyDoc = JsonDocument.Parse(history.Out);
        var first = historyDoc.RootElement.GetProperty("history")[0];
        Assert.Equal("20260105_001", first.GetProperty("id").GetString());
        Assert.Equal("applied", first.GetProperty("state").GetString());
        Assert.Equal(64, first.GetProperty("checksumUp").GetString()!.Length);
        using var planDoc = JsonDocument.Parse(plan.Out);
        Assert.Equal(5, planDoc.RootElement.GetProperty("steps").GetArrayLength());
        using var planSqlDoc = JsonDocument.Parse(planSql.Out);
        Assert.Contains("CREATE TABLE customers", planSqlDoc.RootElement.GetProperty("sql").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_are_json_documents_too()
    {
        var result = await Run("up", "nope");

        Assert.Equal(2, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        var error = document.RootElement.GetProperty("error");
        Assert.Equal(2, error.GetProperty("exitCode").GetInt32());
        Assert.Contains("unknown revision 'nope'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _project.Dispose();
}
