using System.Globalization;

namespace Ratchet.Operations;

/// <summary>A column default: a literal value or an SQL expression.</summary>
public abstract record DefaultValue
{
    private protected DefaultValue()
    {
    }
}

/// <summary>A literal default (string, number, boolean), rendered by the dialect.</summary>
public sealed record LiteralDefault(object Value) : DefaultValue
{
    /// <inheritdoc />
    public override string ToString() => Value switch
    {
        string s => $"'{s}'",
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Value.ToString() ?? "",
    };
}

/// <summary>The current time when the row is written.</summary>
public sealed record NowDefault : DefaultValue
{
    /// <inheritdoc />
    public override string ToString() => "now";
}

/// <summary>An SQL expression written as the engine spells it.</summary>
public sealed record ExpressionDefault(string Sql) : DefaultValue
{
    /// <inheritdoc />
    public override string ToString() => $"sql({Sql})";
}

/// <summary>Default values that are not literals.</summary>
public static class Sql
{
    /// <summary>The current time (PostgreSQL <c>now()</c>, SQLite <c>CURRENT_TIMESTAMP</c>).</summary>
    public static DefaultValue Now { get; } = new NowDefault();

    /// <summary>An SQL expression as the engine spells it.</summary>
    public static DefaultValue Raw(string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        return new ExpressionDefault(sql);
    }
}
