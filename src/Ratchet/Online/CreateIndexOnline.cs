namespace Ratchet.Online;

/// <summary>An index built with CREATE INDEX CONCURRENTLY at <c>start</c> (an invalid one left by a failure is rebuilt).</summary>
public sealed record CreateIndexOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The index name.</summary>
    public required string Name { get; init; }

    /// <summary>Columns or parenthesized expressions, in order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Whether values are unique.</summary>
    public bool Unique { get; init; }

    /// <summary>The predicate of a partial index.</summary>
    public string? Where { get; init; }

    /// <summary>The access method (<c>gin</c>, <c>hash</c>); null: btree.</summary>
    public string? Method { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() =>
        $"online create {(Unique ? "unique " : "")}index {Name} on {TableName}{(Method is null ? "" : $" using {Method}")} ({string.Join(", ", Columns)}){(Where is null ? "" : $" where {Where}")}";
}
