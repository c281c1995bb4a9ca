namespace Ratchet.Operations;

/// <summary>What a foreign key references and what it does on delete and update.</summary>
public sealed record ForeignKeyReference(
    string PrincipalTable,
    IReadOnlyList<string> PrincipalColumns,
    ReferentialAction OnDelete = ReferentialAction.NoAction,
    ReferentialAction OnUpdate = ReferentialAction.NoAction)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{PrincipalTable}({string.Join(",", PrincipalColumns)}) on delete {OnDelete} on update {OnUpdate}";
}
