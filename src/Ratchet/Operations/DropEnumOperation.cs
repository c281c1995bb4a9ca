namespace Ratchet.Operations;

/// <summary>DROP TYPE (PostgreSQL). Carries the values when the drop must be reversible.</summary>
public sealed record DropEnumOperation : MigrationOperation
{
    /// <summary>The type.</summary>
    public required string Name { get; init; }

    /// <summary>The values it had.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"drop enum {Name}";

    /// <inheritdoc />
    public override MigrationOperation? Invert() => Values is null ? null : new CreateEnumOperation { Name = Name, Values = Values };

    /// <inheritdoc />
    public override string WhyNoInverse => $"DropEnum(\"{Name}\") does not carry its values; write Down";
}
