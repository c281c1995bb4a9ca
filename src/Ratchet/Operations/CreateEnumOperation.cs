namespace Ratchet.Operations;

/// <summary>CREATE TYPE ... AS ENUM (PostgreSQL). On SQLite nothing is created; columns of the type get a CHECK.</summary>
public sealed record CreateEnumOperation : MigrationOperation
{
    /// <summary>The type.</summary>
    public required string Name { get; init; }

    /// <summary>The values, in order.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"create enum {Name} ({string.Join(",", Values)})";

    /// <inheritdoc />
    public override MigrationOperation Invert() => new DropEnumOperation { Name = Name, Values = Values };
}
