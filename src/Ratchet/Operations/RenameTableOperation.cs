namespace Ratchet.Operations;

/// <summary>ALTER TABLE ... RENAME TO.</summary>
public sealed record RenameTableOperation : MigrationOperation
{
    /// <summary>The current name.</summary>
    public required string Name { get; init; }

    /// <summary>The new name.</summary>
    public required string NewName { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"rename table {Name} to {NewName}";

    /// <inheritdoc />
    public override MigrationOperation Invert() => new RenameTableOperation { Name = NewName, NewName = Name };
}
