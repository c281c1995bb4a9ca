using Ratchet.Specification.Tests;

namespace Ratchet.Sqlite.Tests;

/// <summary>Each database is a new file in a temporary folder.</summary>
public sealed class SqliteFixture : IEngineFixture
{
    public Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult<TestDatabase>(new SqliteTestDatabase());
}
