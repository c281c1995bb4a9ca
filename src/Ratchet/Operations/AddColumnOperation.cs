namespace Ratchet.Operations;

/// <summary>ALTER TABLE ... ADD COLUMN.</summary>
public sealed record AddColumnOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The new column.</summary>
    public required ColumnDefinition Column { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"add column {Table}.{Column}";

    /// <inheritdoc />
    public override MigrationOperation Invert() => new DropColumnOperation { Table = Table, Name = Column.Name, Definition = Column };
}
