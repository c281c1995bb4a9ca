using Ratchet.Operations;

namespace Ratchet.Online;

/// <summary>
/// Changes a column's type without a rewrite under lock: a new column of the new type is kept in step by a trigger,
/// backfilled in batches, given the column's indexes, keys and constraints, and swapped in at <c>complete</c>. Old
/// code keeps the old column meanwhile; new code sees the new type through the revision's version schema.
/// </summary>
public sealed record ChangeColumnTypeOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>The new type.</summary>
    public required SqlType Type { get; init; }

    /// <summary>The new value from the old row (SQL where the column's name is its old value); null: a cast.</summary>
    public string? Using { get; init; }

    /// <summary>The old value from the new row (SQL where the column's name is its new value); null: a cast back.</summary>
    public string? DownUsing { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() =>
        $"online alter column {TableName}.{Column} type {TypeText(Type)}{(Using is null ? "" : $" using {Using}")}{(DownUsing is null ? "" : $" down using {DownUsing}")}";
}
