namespace Ratchet.Online;

/// <summary>A unique constraint: its index built concurrently at <c>start</c>, attached as the constraint at <c>complete</c>.</summary>
public sealed record AddUniqueOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The constraint (and index) name.</summary>
    public required string Name { get; init; }

    /// <summary>The columns.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() => $"online add unique {Name} {TableName}({string.Join(", ", Columns)})";
}
