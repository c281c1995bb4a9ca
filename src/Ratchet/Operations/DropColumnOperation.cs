namespace Ratchet.Operations;

/// <summary>ALTER TABLE ... DROP COLUMN. Carries the column's definition when the drop must be reversible.</summary>
public sealed record DropColumnOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The column.</summary>
    public required string Name { get; init; }

    /// <summary>The column as it was, so the drop can be undone (its values cannot).</summary>
    public ColumnDefinition? Definition { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"drop column {Table}.{Name}";

    /// <inheritdoc />
    public override MigrationOperation? Invert() => Definition is null ? null : new AddColumnOperation { Table = Table, Column = Definition };

    /// <inheritdoc />
    public override string WhyNoInverse =>
        $"DropColumn(\"{Table}\", \"{Name}\") does not carry the column's definition; give its type (op.DropColumn(\"{Table}\", \"{Name}\", SqlType...)) or write Down";
}
