using Xunit;

namespace Ratchet.Cli.Tests.Diff;

/// <summary>The round-trip property of <c>ratchet diff</c> on SQLite files, one case per schema pair.</summary>
public sealed class SqliteDiffRoundTripTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    public static TheoryData<string> Pairs => new(SqliteSchemaPairs.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Pairs))]
    public Task Diff_up_gives_the_desired_schema_and_down_gives_back_the_current_one(string pair) =>
        RoundTrip.RunAsync(_project, _project.Database, SqliteSchemaPairs.All.Single(p => p.Name == pair));

    public void Dispose() => _project.Dispose();
}
