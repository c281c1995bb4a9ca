using Xunit;

namespace Ratchet.Cli.Tests;

/// <summary>Real processes racing on one SQLite file.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    [Fact]
    public async Task Two_up_processes_started_together_apply_every_revision_once_and_both_succeed()
    {
        for (var i = 1; i <= 40; i++)
        {
            _project.Migrations.Add($"{i:000}", i == 1 ? null : $"{i - 1:000}",
                $"CREATE TABLE t{i} (id INTEGER);\nINSERT INTO t{i} VALUES ({i});", $"DROP TABLE t{i};");
        }

        var first = Cli.RunProcessAsync(_project.Root, "up", "--json");
        var second = Cli.RunProcessAsync(_project.Root, "up", "--json");
        var results = await Task.WhenAll(first, second);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.ToString()));
        var db = _project.Database;
        Assert.Equal(40, await db.CountAsync("SELECT count(*) FROM ratchet_history"));
        Assert.Equal(40, await db.CountAsync("SELECT count(DISTINCT revision_id) FROM ratchet_log WHERE action = 'up'"));
        Assert.Equal(40, await db.CountAsync("SELECT count(*) FROM ratchet_log WHERE action = 'up'"));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM ratchet_log WHERE action = 'fail'"));
        Assert.Equal(0, await db.CountAsync("SELECT count(*) FROM ratchet_lock"));
        var applied = results.Select(r => r.Out.Split('\n').Count(l => l.Contains("\"event\":\"completed\"", StringComparison.Ordinal))).ToList();
        Assert.Equal(40, applied.Sum());
    }

    public void Dispose() => _project.Dispose();
}
