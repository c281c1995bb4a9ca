namespace Ratchet.Verification;

/// <summary>Every row of one table, each value as the engine's text (null for SQL NULL), for data fingerprints.</summary>
public sealed record TableData
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The columns, in the order of each row's values.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The primary-key columns, when the table has a primary key.</summary>
    public IReadOnlyList<string>? Key { get; init; }

    /// <summary>The rows.</summary>
    public required IReadOnlyList<string?[]> Rows { get; init; }

    /// <summary>The position of a column in each row, or -1.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
