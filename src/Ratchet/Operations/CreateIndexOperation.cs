namespace Ratchet.Operations;

/// <summary>CREATE [UNIQUE] INDEX, optionally partial, with a method, or built concurrently (PostgreSQL).</summary>
public sealed record CreateIndexOperation : MigrationOperation
{
    /// <summary>The index.</summary>
    public required string Name { get; init; }

    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The indexed columns, in order.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Whether values must be unique.</summary>
    public bool Unique { get; init; }

    /// <summary>A predicate for a partial index (SQL).</summary>
    public string? Where { get; init; }

    /// <summary>An index method such as <c>gin</c> (PostgreSQL).</summary>
    public string? Method { get; init; }

    /// <summary>Build without blocking writes (PostgreSQL <c>CONCURRENTLY</c>; needs a <c>transaction off</c> revision).</summary>
    public bool Concurrently { get; init; }

    /// <inheritdoc />
    public override string Describe() =>
        $"create {(Unique ? "unique " : "")}index {Name} on {Table}{(Method is null ? "" : $" using {Method}")} ({string.Join(",", Columns)})" +
        (Where is null ? "" : $" where {Where}") + (Concurrently ? " concurrently" : "");

    /// <inheritdoc />
    public override MigrationOperation Invert() => new DropIndexOperation { Name = Name, Table = Table, Definition = this, Concurrently = Concurrently };
}
