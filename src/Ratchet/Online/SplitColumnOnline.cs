using Ratchet.Operations;

namespace Ratchet.Online;

/// <summary>One column a split produces: its name, type, nullability, and its value from the old row.</summary>
public sealed record SplitTarget(string Name, SqlType Type, bool Nullable, string Using)
{
    /// <inheritdoc />
    public override string ToString() => $"{Name} {OnlineOperation.TypeText(Type)}{(Nullable ? "" : " not null")} using {Using}";
}

/// <summary>
/// Splits one column into several: the new columns are added, kept in step with the old one by a trigger in both
/// directions (old writers fill the new columns, new writers the old one through <see cref="DownUsing"/>) and
/// backfilled; <c>complete</c> drops the old column.
/// </summary>
public sealed record SplitColumnOnline : OnlineOperation
{
    /// <summary>The table.</summary>
    public required string TableName { get; init; }

    /// <summary>The column split.</summary>
    public required string Column { get; init; }

    /// <summary>The columns it becomes.</summary>
    public required IReadOnlyList<SplitTarget> Into { get; init; }

    /// <summary>The old column's value from the new columns (SQL over the new shape).</summary>
    public required string DownUsing { get; init; }

    /// <inheritdoc />
    public override string? Table => TableName;

    /// <inheritdoc />
    public override string Describe() => $"online split column {TableName}.{Column} into ({string.Join(", ", Into)}) down using {DownUsing}";
}
