namespace Ratchet.Operations;

/// <summary>A column: its name, type, nullability and default. Keys and references are table constraints.</summary>
public sealed record ColumnDefinition
{
    /// <summary>The column name.</summary>
    public required string Name { get; init; }

    /// <summary>The type.</summary>
    public required SqlType Type { get; init; }

    /// <summary>Whether it accepts NULL (default true; primary-key columns never do).</summary>
    public bool Nullable { get; init; } = true;

    /// <summary>The default, if any.</summary>
    public DefaultValue? Default { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name} {Type}{(Nullable ? "" : " not null")}{(Default is null ? "" : $" default {Default}")}";
}
