using Ratchet.PostgreSql.Tests;
using Xunit;

namespace Ratchet.Cli.Tests.Diff;

/// <summary>The round-trip property of <c>ratchet diff</c> on a real PostgreSQL, one database per schema pair.</summary>
public sealed class PostgresDiffRoundTripTests : IAsyncLifetime
{
    private PostgresTestDatabase _db = null!;
    private ProjectFolder _project = null!;

    public static TheoryData<string> Pairs => new(PostgresSchemaPairs.All.Select(p => p.Name));

    public async ValueTask InitializeAsync()
    {
        _db = await PostgresFixture.CreateAsync();
        _project = new ProjectFolder(_db);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _project.Dispose();
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public Task Diff_up_gives_the_desired_schema_and_down_gives_back_the_current_one(string pair) =>
        RoundTrip.RunAsync(_project, _db, PostgresSchemaPairs.All.Single(p => p.Name == pair));
}
