namespace Ratchet.Safety.Parsing;

/// <summary>A column as written in CREATE TABLE or ADD COLUMN.</summary>
public sealed record ParsedColumn
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The type as written (<c>varchar(100)</c>, <c>bigint</c>, <c>serial</c>).</summary>
    public required string Type { get; init; }

    /// <summary>Whether NULL is allowed.</summary>
    public bool Nullable { get; init; } = true;

    /// <summary>The DEFAULT expression as written.</summary>
    public string? Default { get; init; }

    /// <summary><c>always</c> or <c>by default</c> for identity columns, <c>serial</c>, <c>autoincrement</c>.</summary>
    public string? Identity { get; init; }

    /// <summary>The expression of a generated column.</summary>
    public string? Generated { get; init; }

    /// <summary>Whether a generated column is stored (PostgreSQL has only stored ones).</summary>
    public bool Stored { get; init; }

    /// <summary>Whether it is (part of) the primary key declared inline.</summary>
    public bool PrimaryKey { get; init; }

    /// <summary>Whether it is declared UNIQUE inline.</summary>
    public bool Unique { get; init; }

    /// <summary>An inline CHECK.</summary>
    public string? Check { get; init; }

    /// <summary>An inline REFERENCES table (columns).</summary>
    public Operations.ForeignKeyReference? References { get; init; }
}
