namespace Ratchet.Operations;

/// <summary>DROP TABLE. Carries the table's definition when the drop must be reversible.</summary>
public sealed record DropTableOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Name { get; init; }

    /// <summary>The table as it was, so the drop can be undone (its rows cannot).</summary>
    public CreateTableOperation? Definition { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"drop table {Name}";

    /// <inheritdoc />
    public override MigrationOperation? Invert() => Definition;

    /// <inheritdoc />
    public override string WhyNoInverse => $"DropTable(\"{Name}\") does not carry the table's definition; write Down, or drop it in a migration whose Down recreates it";
}
