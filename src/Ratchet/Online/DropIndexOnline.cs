namespace Ratchet.Online;

/// <summary>An index dropped with DROP INDEX CONCURRENTLY at <c>complete</c> (old code may still rely on it until then).</summary>
public sealed record DropIndexOnline : OnlineOperation
{
    /// <summary>The index name.</summary>
    public required string Name { get; init; }

    /// <inheritdoc />
    public override string? Table => null;

    /// <inheritdoc />
    public override string Describe() => $"online drop index {Name}";
}
