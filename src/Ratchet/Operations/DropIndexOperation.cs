namespace Ratchet.Operations;

/// <summary>DROP INDEX. Carries the index's definition when the drop must be reversible.</summary>
public sealed record DropIndexOperation : MigrationOperation
{
    /// <summary>The index.</summary>
    public required string Name { get; init; }

    /// <summary>The table it is on (for messages and rules).</summary>
    public string? Table { get; init; }

    /// <summary>The index as it was.</summary>
    public CreateIndexOperation? Definition { get; init; }

    /// <summary>Drop without blocking (PostgreSQL <c>CONCURRENTLY</c>; needs a <c>transaction off</c> revision).</summary>
    public bool Concurrently { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"drop index {Name}{(Concurrently ? " concurrently" : "")}";

    /// <inheritdoc />
    public override MigrationOperation? Invert() => Definition;

    /// <inheritdoc />
    public override string WhyNoInverse => $"DropIndex(\"{Name}\") does not carry the index's definition; write Down";
}
