namespace Ratchet.Online;

/// <summary>
/// One change of an online (zero-downtime) revision. Ratchet plans each into phases on PostgreSQL: <c>start</c>
/// (additive DDL, NOT VALID constraints, concurrent indexes, triggers that keep the old and new shapes in step, a
/// batched backfill), <c>complete</c> (validate, swap, drop the old) and <c>abort</c> (undo <c>start</c>, losing no
/// row). The hierarchy is closed: the planner handles every kind.
/// </summary>
public abstract record OnlineOperation
{
    private protected OnlineOperation()
    {
    }

    /// <summary>The line of the statement it was read from (0 for a C# migration).</summary>
    public int Line { get; init; }

    /// <summary>The table it changes (for an index drop, the index's table when known).</summary>
    public abstract string? Table { get; }

    /// <summary>A canonical one-line description; stable, so C# online migrations are checksummed on it.</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() => Describe();

    /// <summary>A type as people write it: the spelling of a type named in SQL, else the portable name.</summary>
    internal static string TypeText(Operations.SqlType type) => type.Kind == Operations.SqlTypeKind.Custom ? type.Name! : type.ToString();
}
