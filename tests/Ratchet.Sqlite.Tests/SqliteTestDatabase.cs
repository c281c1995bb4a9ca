using System.Text;
using Microsoft.Data.Sqlite;
using Ratchet.Engines;
using Ratchet.Specification.Tests;

namespace Ratchet.Sqlite.Tests;

/// <summary>A SQLite file for one test.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string? _folder;

    /// <summary>A database file in a new temporary folder, deleted afterwards.</summary>
    public SqliteTestDatabase()
        : this(Path.Combine(Path.GetTempPath(), "ratchet-sqlite-tests", Guid.NewGuid().ToString("N"), "test.db"))
    {
        _folder = Path.GetDirectoryName(FilePath);
    }

    /// <summary>A database at a given path (its folder is not deleted).</summary>
    public SqliteTestDatabase(string filePath)
    {
        FilePath = filePath;
        Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        Engine = new SqliteEngine(FilePath);
    }

    public string FilePath { get; }

    public override IDatabaseEngine Engine { get; }

    public override string Url => $"sqlite:{FilePath}";

    public override async Task<string> SchemaAsync()
    {
        if (!File.Exists(FilePath))
        {
            return "";
        }

        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'ratchet%' AND name NOT LIKE 'sqlite%' ORDER BY type, name";
        using var reader = await command.ExecuteReaderAsync();
        var schema = new StringBuilder();
        while (await reader.ReadAsync())
        {
            schema.Append(reader.GetString(0)).Append(' ').Append(reader.GetString(1)).Append(": ")
                .AppendLine(reader.IsDBNull(2) ? "" : reader.GetString(2));
        }

        return schema.ToString();
    }

    /// <summary>Runs a whole script, as the sqlite3 shell would.</summary>
    public async Task ExecuteScriptAsync(string script)
    {
        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = script;
        await command.ExecuteNonQueryAsync();
    }

    public override Task<bool> ExistsAsync() => Task.FromResult(File.Exists(FilePath));

    public override async Task<bool> TableExistsAsync(string table) =>
        File.Exists(FilePath) && await CountAsync($"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table.Replace("'", "''", StringComparison.Ordinal)}'") > 0;

    public override async Task<IReadOnlyList<string>> UserTablesAsync()
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        using var connection = new SqliteConnection($"Data Source={FilePath};Pooling=False");
        await connection.OpenAsync();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'ratchet%' AND name NOT LIKE 'sqlite%' ORDER BY name";
        using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    public override ValueTask DisposeAsync()
    {
        if (_folder is null)
        {
            return ValueTask.CompletedTask;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary file is harmless.
        }

        return ValueTask.CompletedTask;
    }
}
