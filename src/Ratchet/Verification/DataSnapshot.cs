using System.Data.Common;
using Ratchet.Engines;
using Ratchet.Schema;

namespace Ratchet.Verification;

/// <summary>The data of every table of a schema at one moment: what <c>verify --data</c> compares before and after a step.</summary>
public sealed class DataSnapshot
{
    private readonly Dictionary<string, TableData> _tables;

    private DataSnapshot(Dictionary<string, TableData> tables) => _tables = tables;

    /// <summary>The tables, by name.</summary>
    public IReadOnlyDictionary<string, TableData> Tables => _tables;

    /// <summary>The data of a table, or null when it was not there.</summary>
    public TableData? this[string table] => _tables.GetValueOrDefault(table);

    /// <summary>A snapshot of data already read.</summary>
    public static DataSnapshot FromTables(IEnumerable<TableData> tables) =>
        new(tables.ToDictionary(t => t.Table, StringComparer.OrdinalIgnoreCase));

    /// <summary>Reads every row of every table of <paramref name="schema"/> (generated columns included), values as text.</summary>
    public static async Task<DataSnapshot> ReadAsync(IDatabaseEngine engine, DbConnection connection, SchemaModel schema, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(schema);
        var d = engine.Dialect;
        var tables = new Dictionary<string, TableData>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in schema.Tables)
        {
            var columns = table.Columns.Select(c => c.Name).ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            var sql = $"SELECT {string.Join(", ", columns.Select(c => d.ValueAsText(d.QuoteIdentifier(c))))} FROM {d.QuoteIdentifier(table.Name)}";
            var rows = new List<string?[]>();
            using (var command = connection.Command(sql))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var row = new string?[columns.Count];
                    for (var i = 0; i < row.Length; i++)
                    {
                        row[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
                    }

                    rows.Add(row);
                }
            }

            tables[table.Name] = new TableData { Table = table.Name, Columns = columns, Key = table.PrimaryKey?.Columns, Rows = rows };
        }

        return new DataSnapshot(tables);
    }
}
