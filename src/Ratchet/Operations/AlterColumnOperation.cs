namespace Ratchet.Operations;

/// <summary>
/// ALTER TABLE ... ALTER COLUMN: a new type, nullability or default, each optional. It can be undone when every
/// changed aspect says what it was (a nullability change always does).
/// </summary>
public sealed record AlterColumnOperation : MigrationOperation
{
    /// <summary>The table.</summary>
    public required string Table { get; init; }

    /// <summary>The column.</summary>
    public required string Name { get; init; }

    /// <summary>The new type, if it changes.</summary>
    public SqlType? Type { get; init; }

    /// <summary>The type before, so the change can be undone.</summary>
    public SqlType? OldType { get; init; }

    /// <summary>How to convert existing values (PostgreSQL <c>USING</c>), if a plain cast is not enough.</summary>
    public string? Using { get; init; }

    /// <summary>The new nullability, if it changes: false for SET NOT NULL, true for DROP NOT NULL.</summary>
    public bool? Nullable { get; init; }

    /// <summary>Whether the default changes.</summary>
    public bool ChangesDefault { get; init; }

    /// <summary>The new default; null (with <see cref="ChangesDefault"/>) drops it.</summary>
    public DefaultValue? Default { get; init; }

    /// <summary>Whether <see cref="OldDefault"/> is known.</summary>
    public bool OldDefaultKnown { get; init; }

    /// <summary>The default before (null: none).</summary>
    public DefaultValue? OldDefault { get; init; }

    /// <inheritdoc />
    public override string Describe()
    {
        var parts = new List<string>();
        if (Type is not null)
        {
            parts.Add($"type {Type}{(Using is null ? "" : $" using {Using}")}");
        }

        if (Nullable is { } nullable)
        {
            parts.Add(nullable ? "drop not null" : "set not null");
        }

        if (ChangesDefault)
        {
            parts.Add(Default is null ? "drop default" : $"set default {Default}");
        }

        return $"alter column {Table}.{Name} {string.Join(", ", parts)}";
    }

    /// <inheritdoc />
    public override MigrationOperation? Invert()
    {
        if ((Type is not null && OldType is null) || (ChangesDefault && !OldDefaultKnown))
        {
            return null;
        }

        return new AlterColumnOperation
        {
            Table = Table,
            Name = Name,
            Type = OldType,
            OldType = Type is null ? null : Type,
            Nullable = Nullable is { } n ? !n : null,
            ChangesDefault = ChangesDefault,
            Default = OldDefault,
            OldDefaultKnown = ChangesDefault,
            OldDefault = Default,
        };
    }

    /// <inheritdoc />
    public override string WhyNoInverse =>
        $"AlterColumn(\"{Table}\", \"{Name}\") does not say what the {(Type is not null && OldType is null ? "type" : "default")} was; " +
        "give it (c.Type(newType, from: oldType) / c.Default(value, from: old)) or write Down";
}
