namespace Ratchet.Online;

/// <summary>
/// What a backfill writes: <c>UPDATE table SET assignments [WHERE filter]</c>, in keyset batches over the primary key
/// (or over pages by <c>ctid</c> when the table has none).
/// </summary>
public sealed record BackfillSpec
{
    /// <summary>The table, qualified and quoted.</summary>
    public required string Table { get; init; }

    /// <summary>The table as shown to people.</summary>
    public required string Display { get; init; }

    /// <summary>The primary key's columns, quoted, in key order; empty: batches go by page (<c>ctid</c>).</summary>
    public IReadOnlyList<string> Key { get; init; } = [];

    /// <summary>The key columns' types (for the checkpoint values), in the same order.</summary>
    public IReadOnlyList<string> KeyTypes { get; init; } = [];

    /// <summary>The SET list (<c>"new" = expression, ...</c>), over the table's columns.</summary>
    public required string Assignments { get; init; }

    /// <summary>Rows to leave alone (<c>"c" IS NULL</c> for a fill of NULLs), if any.</summary>
    public string? Filter { get; init; }
}
