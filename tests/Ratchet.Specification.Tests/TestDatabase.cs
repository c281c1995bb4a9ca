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

    /// <summary>The first column of every row, as text.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string sql)
    {
        using var connection = (await Engine.OpenAsync(createIfMissing: true, CancellationToken.None))!;
        using var command = connection.Command(sql);
        using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return values;
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

    /// <summary>
    /// What a failed migration must leave as it was: the user's schema, the rows of every user table, and every history
    /// row (id, state, checksum). Ratchet's own log may gain the failure's record.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var schema = await SchemaAsync();
        var rows = new List<string>();
        foreach (var table in await UserTablesAsync())
        {
            rows.Add($"{table}={await CountAsync($"SELECT count(*) FROM {Engine.Dialect.QuoteIdentifier(table)}")}");
        }

        var history = await TableExistsAsync("ratchet_history")
            ? string.Join(",", await ListAsync("SELECT revision_id || ':' || state || ':' || coalesce(checksum_up, '') FROM ratchet_history ORDER BY sequence"))
            : "";
        return $"{schema}\n-- rows: {string.Join(", ", rows)}\n-- history: {(history.Length == 0 ? "none" : history)}";
    }

    /// <summary>
    /// What a refused command (bad input, found before anything runs) must leave as it was: everything in
    /// <see cref="SnapshotAsync"/>, plus whether the database and Ratchet's own tables exist and the size of the log.
    /// </summary>
    public async Task<string> FootprintAsync()
    {
        var exists = await ExistsAsync();
        if (!exists)
        {
            return "no database";
        }

        var tables = new List<string>();
        foreach (var table in new[] { "ratchet_history", "ratchet_log", "ratchet_lock" })
        {
            if (await TableExistsAsync(table))
            {
                tables.Add(table == "ratchet_log" ? $"ratchet_log({await CountAsync("SELECT count(*) FROM ratchet_log")})" : table);
            }
        }

        return $"{await SnapshotAsync()}\n-- ratchet tables: {string.Join(", ", tables)}";
    }

    /// <summary>Whether the database exists (an embedded file may not yet).</summary>
    public virtual Task<bool> ExistsAsync() => Task.FromResult(true);

    /// <inheritdoc />
    public abstract ValueTask DisposeAsync();
}
