namespace Ratchet.Operations;

/// <summary>
/// ALTER TABLE ... VALIDATE CONSTRAINT (PostgreSQL): checks the existing rows against a constraint added NOT VALID,
/// taking only a SHARE UPDATE EXCLUSIVE lock (reads and writes go on). Nothing to undo.
/// </summary>
public sealed record ValidateConstraintOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The constraint.</summary>
    public required string Name { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"validate constraint {Table}.{Name}";

    /// <inheritdoc />
    public override MigrationOperation Invert() => new SqlOperation { Sql = "SELECT 1", Down = "SELECT 1" };
}
