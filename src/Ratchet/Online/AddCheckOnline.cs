namespace Ratchet.Online;

/// <summary>A CHECK constraint added NOT VALID at <c>start</c> and validated at <c>complete</c>.</summary>
public sealed record AddCheckOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The constraint name.</summary>
    public required string Name { get; init; }

    /// <summary>The condition.</summary>
    public required string Expression { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() => $"online add check {Name} {TableName} ({Expression})";
}
