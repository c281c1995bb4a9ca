namespace Ratchet.Operations;

/// <summary>
/// ALTER TABLE ... ADD CONSTRAINT: a primary key, unique, foreign-key or check constraint (DESIGN's AddPrimaryKey,
/// AddUniqueConstraint, AddForeignKey and AddCheckConstraint; the constraint's type says which).
/// </summary>
public sealed record AddConstraintOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The constraint.</summary>
    public required TableConstraint Constraint { get; init; }

    /// <summary>Add a foreign key or check without checking existing rows (PostgreSQL <c>NOT VALID</c>).</summary>
    public bool NotValid { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"add constraint {Table}.{Constraint.Describe()}{(NotValid ? " not valid" : "")}";

    /// <inheritdoc />
    public override MigrationOperation Invert() => new DropConstraintOperation { Table = Table, Name = Constraint.Name, Definition = Constraint };
}
