namespace Ratchet.Online;

/// <summary>
/// Sets NOT NULL without scanning under an exclusive lock: a CHECK (column IS NOT NULL) NOT VALID at <c>start</c>
/// (with an optional backfill of the NULLs), validated at <c>complete</c>, where SET NOT NULL then needs no scan.
/// </summary>
public sealed record SetNotNullOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>The value for NULLs, existing and newly written (SQL over the table's columns); null: there must be none.</summary>
    public string? Backfill { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() => $"online alter column {TableName}.{Column} set not null{(Backfill is null ? "" : $" backfill {Backfill}")}";
}
