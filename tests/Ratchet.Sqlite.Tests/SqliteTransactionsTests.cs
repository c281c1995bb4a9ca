using Ratchet.Engines;
using Xunit;

namespace Ratchet.Sqlite.Tests;

/// <summary>
/// The engine interface's default for several transactions (an engine that does not send them together, as SQLite): one
/// transaction each, in order, stopping at the first that fails with that one rolled back and the rest not run.
/// </summary>
public sealed class SqliteTransactionsTests : IAsyncDisposable
{
    private readonly SqliteTestDatabase _db = new();

    [Fact]
    public async Task Units_commit_one_by_one_and_the_first_failure_stops_them_with_its_command_named()
    {
        IDatabaseEngine engine = _db.Engine;
        Assert.False(engine.SendsTransactionsTogether);
        using var connection = (await engine.OpenAsync(createIfMissing: true, TestContext.Current.CancellationToken))!;
        IReadOnlyList<IReadOnlyList<BatchCommand>> units =
        [
            [new("CREATE TABLE a (id INTEGER)"), new("INSERT INTO a VALUES (1)")],
            [new("CREATE TABLE b (id INTEGER)"), new("INSERT INTO no_such_table VALUES (1)")],
            [new("CREATE TABLE c (id INTEGER)")],
        ];

        var result = await engine.ExecuteTransactionsAsync(connection, units, TestContext.Current.CancellationToken);

        Assert.Single(result.Committed);
        var failure = Assert.IsType<StatementFailedException>(result.Failure);
        Assert.Equal(1, failure.Index);
        Assert.Contains("no_such_table", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["a"], await _db.UserTablesAsync());
        Assert.Equal(1, await _db.CountAsync("SELECT count(*) FROM a"));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
