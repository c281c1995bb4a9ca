using System.Text;
using Npgsql;
using Ratchet.Engines;
using Ratchet.Specification.Tests;

namespace Ratchet.PostgreSql.Tests;

/// <summary>A database on the test server for one test.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private const string SchemaQuery = """
        SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE 'ratchet%'
        UNION ALL
        SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE 'ratchet%'
        UNION ALL
        SELECT 'constraint ' || c.conrelid::regclass || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid <> 0 AND c.conrelid::regclass::text NOT LIKE 'ratchet%'
        UNION ALL
        SELECT 'type ' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')
        ORDER BY 1
        """;

    private readonly PostgresServer _server;

    public PostgresTestDatabase(PostgresServer server, string name, PostgresEngineOptions? options = null)
    {
        _server = server;
        Name = name;
        ConnectionString = server.ConnectionStringFor(name);
        PgEngine = new PostgresEngine(ConnectionString, $"postgres://…/{name}", options);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public PostgresEngine PgEngine { get; }

    public override IDatabaseEngine Engine => PgEngine;

    public override string Url => _server.UrlFor(Name);

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async Task<string> SchemaAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(SchemaQuery, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var schema = new StringBuilder();
        while (await reader.ReadAsync())
        {
            schema.AppendLine(reader.GetString(0));
        }

        return schema.ToString();
    }

    public override async Task<bool> TableExistsAsync(string table)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = @t", connection);
        command.Parameters.AddWithValue("t", table);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    public override async Task<IReadOnlyList<string>> UserTablesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'ratchet%' ORDER BY tablename", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public override async ValueTask DisposeAsync()
    {
        await using var admin = new NpgsqlConnection(_server.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
