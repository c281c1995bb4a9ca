namespace Ratchet.Operations;

/// <summary>
/// UPDATE table SET column = expression [WHERE ...]: a data conversion inside the revision's transaction. When the
/// column's type is known (given, or from an AddColumn earlier in the same migration), dialects that need it cast the
/// expression (PostgreSQL: text to an enum). Data conversions cannot be derived backwards: write the Down.
/// </summary>
public sealed record UpdateOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The column set.</summary>
    public required string Column { get; init; }

    /// <summary>The new value, as an SQL expression over the row.</summary>
    public required string Expression { get; init; }

    /// <summary>Which rows (SQL); all when null.</summary>
    public string? Where { get; init; }

    /// <summary>The column's type, when known.</summary>
    public SqlType? ColumnType { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"update {Table} set {Column} = {Expression}{(Where is null ? "" : $" where {Where}")}";

    /// <inheritdoc />
    public override string WhyNoInverse => $"Update(\"{Table}\", \"{Column}\", ...) converts data, which cannot be derived backwards; write Down";
}
