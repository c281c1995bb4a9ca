#pragma warning disable CA1720 // The names are the SQL types they stand for.
namespace Ratchet.Operations;

/// <summary>A column type: a portable kind and its parameters. Dialects map it (PostgreSQL <c>integer</c>, SQLite <c>INTEGER</c>).</summary>
public sealed record SqlType
{
    private SqlType(SqlTypeKind kind)
    {
        Kind = kind;
    }

    /// <summary>The kind.</summary>
    public SqlTypeKind Kind { get; }

    /// <summary>The maximum length of a <see cref="SqlTypeKind.String"/>.</summary>
    public int? Length { get; private init; }

    /// <summary>The precision of a <see cref="SqlTypeKind.Decimal"/>.</summary>
    public int? Precision { get; private init; }

    /// <summary>The scale of a <see cref="SqlTypeKind.Decimal"/>.</summary>
    public int? Scale { get; private init; }

    /// <summary>The name of an enum type, or the spelling of a custom type.</summary>
    public string? Name { get; private init; }

    /// <summary>The values of an enum, when given inline (SQLite needs them for its CHECK).</summary>
    public IReadOnlyList<string> EnumValues { get; private init; } = [];

    /// <summary>32-bit integer.</summary>
    public static SqlType Int { get; } = new(SqlTypeKind.Int);

    /// <summary>64-bit integer.</summary>
    public static SqlType BigInt { get; } = new(SqlTypeKind.BigInt);

    /// <summary>16-bit integer.</summary>
    public static SqlType SmallInt { get; } = new(SqlTypeKind.SmallInt);

    /// <summary>Text of any length.</summary>
    public static SqlType Text { get; } = new(SqlTypeKind.Text);

    /// <summary>True or false.</summary>
    public static SqlType Boolean { get; } = new(SqlTypeKind.Boolean);

    /// <summary>A point in time.</summary>
    public static SqlType DateTime { get; } = new(SqlTypeKind.DateTime);

    /// <summary>A calendar date.</summary>
    public static SqlType Date { get; } = new(SqlTypeKind.Date);

    /// <summary>A double-precision float.</summary>
    public static SqlType Double { get; } = new(SqlTypeKind.Double);

    /// <summary>A UUID.</summary>
    public static SqlType Uuid { get; } = new(SqlTypeKind.Uuid);

    /// <summary>Bytes.</summary>
    public static SqlType Binary { get; } = new(SqlTypeKind.Binary);

    /// <summary>A JSON document.</summary>
    public static SqlType Json { get; } = new(SqlTypeKind.Json);

    /// <summary>Text of at most <paramref name="length"/> characters.</summary>
    public static SqlType String(int length) => length > 0
        ? new(SqlTypeKind.String) { Length = length }
        : throw new ArgumentOutOfRangeException(nameof(length), length, "a string length must be positive");

    /// <summary>An exact decimal.</summary>
    public static SqlType Decimal(int precision, int scale) => precision > 0 && scale >= 0 && scale <= precision
        ? new(SqlTypeKind.Decimal) { Precision = precision, Scale = scale }
        : throw new ArgumentOutOfRangeException(nameof(precision), $"decimal({precision}, {scale}) is not a valid precision and scale");

    /// <summary>The enum type <paramref name="name"/>; give its <paramref name="values"/> unless a C# migration creates it.</summary>
    public static SqlType Enum(string name, params string[] values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(SqlTypeKind.Enum) { Name = name, EnumValues = values };
    }

    /// <summary>A type written as the engine spells it (not portable).</summary>
    public static SqlType Custom(string spelling)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spelling);
        return new(SqlTypeKind.Custom) { Name = spelling };
    }

    /// <summary>A canonical description, used in checksums and messages.</summary>
    public override string ToString() => Kind switch
    {
        SqlTypeKind.String => $"string({Length})",
        SqlTypeKind.Decimal => $"decimal({Precision},{Scale})",
        SqlTypeKind.Enum => EnumValues.Count == 0 ? $"enum {Name}" : $"enum {Name}({string.Join(",", EnumValues)})",
        SqlTypeKind.Custom => $"custom {Name}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
