using Ratchet.Operations;

namespace Ratchet.Online;

/// <summary>A foreign key added NOT VALID at <c>start</c> (new rows are checked at once) and validated at <c>complete</c>.</summary>
public sealed record AddForeignKeyOnline : OnlineOperation
{
    /// <summary>The referencing table.</summary>
    public required string TableName { get; init; }

    /// <summary>The constraint name.</summary>
    public required string Name { get; init; }

    /// <summary>The referencing columns.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The referenced table.</summary>
    public required string PrincipalTable { get; init; }

    /// <summary>The referenced columns.</summary>
    public required IReadOnlyList<string> PrincipalColumns { get; init; }

    /// <summary>ON DELETE.</summary>
    public ReferentialAction OnDelete { get; init; }

    /// <summary>ON UPDATE.</summary>
    public ReferentialAction OnUpdate { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() =>
        $"online add foreign key {Name} {TableName}({string.Join(", ", Columns)}) references {PrincipalTable}({string.Join(", ", PrincipalColumns)}) on delete {OnDelete} on update {OnUpdate}";
}
