namespace Ratchet.Online;

/// <summary>
/// Drops a column at <c>complete</c>; from <c>start</c> new code no longer sees it (version schema), and rows new code
/// writes get <see cref="DownUsing"/> in it, so old code keeps working.
/// </summary>
public sealed record DropColumnOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>Its value in rows new code writes, and after a down (SQL over the new shape); needed when it is NOT NULL without a default.</summary>
    public string? DownUsing { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() => $"online drop column {TableName}.{Column}{(DownUsing is null ? "" : $" down using {DownUsing}")}";
}
