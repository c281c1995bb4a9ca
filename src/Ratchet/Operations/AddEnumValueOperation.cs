namespace Ratchet.Operations;

/// <summary>ALTER TYPE ... ADD VALUE (PostgreSQL). Cannot be undone: PostgreSQL cannot remove an enum value.</summary>
public sealed record AddEnumValueOperation : MigrationOperation
{
    /// <summary>The enum type.</summary>
    public required string Enum { get; init; }

    /// <summary>The new value.</summary>
    public required string Value { get; init; }

    /// <summary>Put it before this value (else at the end).</summary>
    public string? Before { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"add enum value {Enum}.{Value}{(Before is null ? "" : $" before {Before}")}";

    /// <inheritdoc />
    public override string WhyNoInverse => $"AddEnumValue(\"{Enum}\", \"{Value}\") cannot be undone: PostgreSQL cannot remove an enum value; write Down";
}
