using Ratchet.Operations;

namespace Ratchet.Online;

/// <summary>
/// Adds a column, NOT NULL included: added nullable, filled by a trigger for writers that do not know it and by a
/// backfill for existing rows, then made NOT NULL through a validated CHECK (no long lock).
/// </summary>
public sealed record AddColumnOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The column as it is at the end.</summary>
    public required ColumnDefinition Column { get; init; }

    /// <summary>The value of existing rows and of rows written without it (SQL over the table's columns); null: the default.</summary>
    public string? Backfill { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() => $"online add column {TableName}.{Column.Name} {TypeText(Column.Type)}{(Column.Nullable ? "" : " not null")}{(Column.Default is null ? "" : $" default {Column.Default}")}{(Backfill is null ? "" : $" backfill {Backfill}")}";
}
