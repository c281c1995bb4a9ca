using System.Globalization;
using Ratchet.Engines;

namespace Ratchet.Specification.Tests;

/// <summary>A real database created for one test: the engine to migrate it, and ways to look inside.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    /// <summary>The engine connected to this database.</summary>
    public abstract IDatabaseEngine Engine { get; }

    /// <summary>The URL the command-line tool takes for this database (may hold a password).</summary>
    public abstract string Url { get; }

    /// <summary>The user's schema (not Ratchet's tables) as normalized text, so two states can be compared.</summary>
    public abstract Task<string> SchemaAsync();

    /// <summary>Whether a table exists.</summary>
    public abstract Task<bool> TableExistsAsync(string table);

    /// <summary>The user's tables (not Ratchet's), sorted.</summary>
    public abstract Task<IReadOnlyList<string>> UserTablesAsync();

    /// <summary>Runs a query and returns the first column of the first row.</summary>
    public async Task<object?> ScalarAsync(string sql)
    {
        using var connection = (await Engine.OpenAsync(createIfMissing: true, CancellationToken.None))!;
        return await connection.ScalarAsync(sql, null, CancellationToken.None);
    }

    /// <summary>Runs a statement.</summary>
    public async Task ExecuteAsync(string sql)
    {
        using var connection = (await Engine.OpenAsync(createIfMissing: true, CancellationToken.None))!;
        await connection.ExecuteAsync(sql, null, CancellationToken.None);
    }

    /// <summary>Runs a count query.</summary>
    public async Task<long> CountAsync(string sql) =>
        Convert.ToInt64(await ScalarAsync(sql), CultureInfo.InvariantCulture);

    /// <summary>Everything a failed or refused command must leave as it was: the schema, the history, and the rows of user tables.</summary>
    public async Task<string> SnapshotAsync()
    {
        var schema = await SchemaAsync();
        var history = await TableExistsAsync("ratchet_history") && await CountAsync("SELECT count(*) FROM ratchet_history") > 0
            ? await ScalarAsync("SELECT count(*) || ':' || MAX(revision_id) || ':' || MIN(state) FROM ratchet_history")
            : "empty";
        var rows = new List<string>();
        foreach (var table in await UserTablesAsync())
        {
            rows.Add($"{table}={await CountAsync($"SELECT count(*) FROM {Engine.Dialect.QuoteIdentifier(table)}")}");
        }

        return $"{schema}\n-- rows: {string.Join(", ", rows)}\n-- history: {history}";
    }

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
