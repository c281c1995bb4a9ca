namespace Ratchet.Online;

/// <summary>An enum type created at <c>start</c> (for a column changed to it in the same revision) and dropped by <c>abort</c>.</summary>
public sealed record CreateEnumOnline : OnlineOperation
{
    /// <summary>The type name.</summary>
    public required string Name { get; init; }

    /// <summary>Its values, in order.</summary>
    public required IReadOnlyList<string> Values { get; init; }

    /// <inheritdoc />
    public override string? Table => null;

    /// <inheritdoc />
    public override string Describe() => $"online create enum {Name} ({string.Join(", ", Values)})";
}
