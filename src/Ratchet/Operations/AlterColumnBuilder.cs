namespace Ratchet.Operations;

/// <summary>Describes a change to a column; say what each changed aspect was, and the change can be undone.</summary>
public sealed class AlterColumnBuilder
{
    private AlterColumnOperation _operation;

    internal AlterColumnBuilder(string table, string column)
    {
        _operation = new AlterColumnOperation { Table = table, Name = column };
    }

    internal AlterColumnOperation Operation => _operation;

    /// <summary>A new type; <paramref name="from"/> is the old one; <paramref name="using"/> converts the values (PostgreSQL).</summary>
    public AlterColumnBuilder Type(SqlType type, SqlType? from = null, string? @using = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        _operation = _operation with { Type = type, OldType = from, Using = @using };
        return this;
    }

    /// <summary>SET NOT NULL.</summary>
    public AlterColumnBuilder NotNull()
    {
        _operation = _operation with { Nullable = false };
        return this;
    }

    /// <summary>DROP NOT NULL.</summary>
    public AlterColumnBuilder Nullable()
    {
        _operation = _operation with { Nullable = true };
        return this;
    }

    /// <summary>A new default (the old one unknown: the change cannot be undone automatically).</summary>
    public AlterColumnBuilder Default(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _operation = _operation with { ChangesDefault = true, Default = value as DefaultValue ?? new LiteralDefault(value), OldDefaultKnown = false, OldDefault = null };
        return this;
    }

    /// <summary>A new default; <paramref name="from"/> is the old one (null: there was none).</summary>
    public AlterColumnBuilder Default(object value, object? from)
    {
        Default(value);
        _operation = _operation with { OldDefaultKnown = true, OldDefault = from is null ? null : from as DefaultValue ?? new LiteralDefault(from) };
        return this;
    }

    /// <summary>DROP DEFAULT; <paramref name="from"/> is the old default, so the change can be undone.</summary>
    public AlterColumnBuilder DropDefault(object? from = null)
    {
        _operation = _operation with
        {
            ChangesDefault = true,
            Default = null,
            OldDefaultKnown = from is not null,
            OldDefault = from is null ? null : from as DefaultValue ?? new LiteralDefault(from),
        };
        return this;
    }
}
