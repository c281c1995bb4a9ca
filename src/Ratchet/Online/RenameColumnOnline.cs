namespace Ratchet.Online;

/// <summary>
/// Renames a column: between <c>start</c> and <c>complete</c> new code sees the new name through the revision's
/// version schema while old code keeps the old one; <c>complete</c> renames the column itself.
/// </summary>
public sealed record RenameColumnOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The column.</summary>
    public required string Column { get; init; }

    /// <summary>Its new name.</summary>
    public required string NewName { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() => $"online rename column {TableName}.{Column} to {NewName}";
}
