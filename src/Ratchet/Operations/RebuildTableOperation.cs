namespace Ratchet.Operations;

/// <summary>
/// Recreates a table from a new CREATE TABLE statement and copies the rows of the columns both definitions have:
/// SQLite's way to make the changes its ALTER TABLE cannot (sqlite.org/lang_altertable.html, "making other kinds of
/// table schema changes"). <c>ratchet diff</c> writes it for SQLite; engines that alter tables in place refuse it. The
/// table's indexes and triggers go with the old table: recreate them after it.
/// </summary>
public sealed record RebuildTableOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The new CREATE TABLE statement (its table name is replaced by a staging name while the rows are copied).</summary>
    public required string Definition { get; init; }

    /// <summary>The columns whose values are copied (those the old and new definitions share, generated ones left out).</summary>
    public required IReadOnlyList<string> CopyColumns { get; init; }

    /// <inheritdoc />
    public override string Describe() => $"rebuild table {Table} copying ({string.Join(",", CopyColumns)}) as {Definition}";

    /// <inheritdoc />
    public override string WhyNoInverse => $"RebuildTable(\"{Table}\") does not carry the table's old definition; write Down";
}
