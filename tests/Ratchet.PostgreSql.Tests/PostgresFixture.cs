using Npgsql;
using Ratchet.Specification.Tests;
using Xunit;

namespace Ratchet.PostgreSql.Tests;

/// <summary>Each database is a new database on the shared test server, dropped afterwards.</summary>
public sealed class PostgresFixture : IEngineFixture
{
    public async Task<TestDatabase> CreateDatabaseAsync() => await CreateAsync();

    /// <summary>A new database; the test is skipped when there is no server (and fails under CI=true).</summary>
    public static async Task<PostgresTestDatabase> CreateAsync(PostgreSql.PostgresEngineOptions? options = null)
    {
        var server = await PostgresServer.GetAsync();
        if (server is null)
        {
            Assert.Skip(PostgresServer.Missing ?? "no PostgreSQL server");
        }

        var name = "ratchet_" + Guid.NewGuid().ToString("N")[..16];
        await using (var admin = new NpgsqlConnection(server.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new PostgresTestDatabase(server, name, options);
    }
}
