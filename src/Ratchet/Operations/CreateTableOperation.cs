namespace Ratchet.Operations;

/// <summary>CREATE TABLE with its columns and constraints.</summary>
public sealed record CreateTableOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Name { get; init; }

    /// <summary>The columns, in order.</summary>
    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }

    /// <summary>Primary key, unique, foreign-key and check constraints.</summary>
    public IReadOnlyList<TableConstraint> Constraints { get; init; } = [];

    /// <inheritdoc />
    public override string Describe() =>
        $"create table {Name} ({string.Join(", ", Columns.Select(c => c.ToString()).Concat(Constraints.Select(c => c.Describe())))})";

    /// <inheritdoc />
    public override MigrationOperation Invert() => new DropTableOperation { Name = Name, Definition = this };
}
