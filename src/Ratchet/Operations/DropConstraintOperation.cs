namespace Ratchet.Operations;

/// <summary>ALTER TABLE ... DROP CONSTRAINT. Carries the constraint's definition when the drop must be reversible.</summary>
public sealed record DropConstraintOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The constraint.</summary>
    public required string Name { get; init; }

    /// <summary>The constraint as it was.</summary>
    public TableConstraint? Definition { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"drop constraint {Table}.{Name}";

    /// <inheritdoc />
    public override MigrationOperation? Invert() => Definition is null ? null : new AddConstraintOperation { Table = Table, Constraint = Definition };

    /// <inheritdoc />
    public override string WhyNoInverse => $"DropConstraint(\"{Name}\", \"{Table}\") does not carry the constraint's definition; write Down";
}
