namespace Ratchet.Operations;

/// <summary>ALTER TABLE ... RENAME COLUMN.</summary>
public sealed record RenameColumnOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The current name.</summary>
    public required string Name { get; init; }

    /// <summary>The new name.</summary>
    public required string NewName { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"rename column {Table}.{Name} to {NewName}";

    /// <inheritdoc />
    public override MigrationOperation Invert() => new RenameColumnOperation { Table = Table, Name = NewName, NewName = Name };
}
