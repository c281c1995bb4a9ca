#pragma warning disable CA1720 // The names are the SQL types they stand for.
namespace Ratchet.Operations;

/// <summary>The portable column types; each dialect maps them to its own.</summary>
public enum SqlTypeKind
{
    /// <summary>32-bit integer.</summary>
    Int,

    /// <summary>64-bit integer.</summary>
    BigInt,

    /// <summary>16-bit integer.</summary>
    SmallInt,

    /// <summary>Text with a maximum length.</summary>
    String,

    /// <summary>Text of any length.</summary>
    Text,

    /// <summary>True or false.</summary>
    Boolean,

    /// <summary>A point in time, stored with its time zone offset normalized (PostgreSQL <c>timestamptz</c>).</summary>
    DateTime,

    /// <summary>A calendar date.</summary>
    Date,

    /// <summary>An exact decimal with precision and scale.</summary>
    Decimal,

    /// <summary>A double-precision float.</summary>
    Double,

    /// <summary>A UUID.</summary>
    Uuid,

    /// <summary>Bytes.</summary>
    Binary,

    /// <summary>A JSON document (PostgreSQL <c>jsonb</c>).</summary>
    Json,

    /// <summary>One of a named set of values (PostgreSQL enum type; SQLite text with a CHECK).</summary>
    Enum,

    /// <summary>A type written in the engine's own spelling.</summary>
    Custom,
}
