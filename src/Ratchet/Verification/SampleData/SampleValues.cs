using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Ratchet.Engines;
using Ratchet.Schema;

namespace Ratchet.Verification.SampleData;

/// <summary>
/// The text of one generated value for a column, by its type (as the engine spells it) and its domain. Values are a
/// function of (seed, table, column, round, row, attempt), so a run is reproducible; numbers start far above the
/// small ids that seed-data revisions insert, and text carries the row number, so unique columns get unique values.
/// </summary>
internal static partial class SampleValues
{
    private static readonly DateTime Epoch = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The value, or null for SQL NULL.</summary>
    public static string? For(SqlDialect dialect, SchemaModel schema, ColumnModel column, int position, long row, int attempt, int seed, string table, ValueDomain? domain)
    {
        var type = column.Type.ToLowerInvariant().Trim();
        var n = row + (attempt * 7919L);
        if (domain is { Values.Count: > 0 } listed && attempt < 2)
        {
            return listed.Values[(int)(n % listed.Values.Count)];
        }

        if (schema.Enums.FirstOrDefault(e => SameType(e.Name, type)) is { } enumType && enumType.Values.Count > 0)
        {
            return enumType.Values[(int)(n % enumType.Values.Count)];
        }

        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            return "{}";
        }

        var kind = Kind(type);
        return kind switch
        {
            ValueKind.Integer => Integer(type, n, domain).ToString(CultureInfo.InvariantCulture),
            ValueKind.Decimal => Decimal(type, n, domain),
            ValueKind.Float => Bounded(n, domain, 1_000_000).ToString(CultureInfo.InvariantCulture) + ".5",
            ValueKind.Boolean => dialect.BooleanLiteral(n % 2 == 0),
            ValueKind.Date => Epoch.AddDays((n % 3000) + (position * 3000L)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ValueKind.Timestamp => Epoch.AddDays(position * 3000L).AddHours(n % 70_000).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ValueKind.TimestampTz => Epoch.AddDays(position * 3000L).AddHours(n % 70_000).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "+00",
            ValueKind.Time => TimeSpan.FromMinutes((n + position * 60) % 1440).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
            ValueKind.Uuid => Uuid(seed, table, column.Name, n),
            ValueKind.Json => "{\"sample\": " + n.ToString(CultureInfo.InvariantCulture) + "}",
            ValueKind.Bytes => "\\x" + n.ToString("x8", CultureInfo.InvariantCulture),
            ValueKind.Interval => (n % 10_000).ToString(CultureInfo.InvariantCulture) + " minutes",
            ValueKind.Inet => $"10.{n / 65536 % 256}.{n / 256 % 256}.{n % 256}",
            ValueKind.Money => (n % 100_000).ToString(CultureInfo.InvariantCulture) + ".00",
            ValueKind.Text => Text(type, column.Name, n, domain),
            _ => column.Nullable || attempt > 0 ? null : n.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static bool SameType(string enumName, string type) =>
        string.Equals(enumName, type.Trim('"'), StringComparison.OrdinalIgnoreCase)
        || type.EndsWith("." + enumName.ToLowerInvariant(), StringComparison.Ordinal) || type.EndsWith(".\"" + enumName.ToLowerInvariant() + "\"", StringComparison.Ordinal);

    private enum ValueKind
    {
        Unknown, Integer, Decimal, Float, Boolean, Date, Timestamp, TimestampTz, Time, Uuid, Json, Bytes, Interval, Inet, Money, Text,
    }

    private static ValueKind Kind(string type) => type switch
    {
        _ when type.StartsWith("timestamp", StringComparison.Ordinal) && type.Contains("with time zone", StringComparison.Ordinal) => ValueKind.TimestampTz,
        _ when type is "timestamptz" => ValueKind.TimestampTz,
        _ when type.StartsWith("timestamp", StringComparison.Ordinal) || type.StartsWith("datetime", StringComparison.Ordinal) => ValueKind.Timestamp,
        _ when type.StartsWith("interval", StringComparison.Ordinal) => ValueKind.Interval,
        _ when type.StartsWith("time", StringComparison.Ordinal) => ValueKind.Time,
        _ when type is "date" => ValueKind.Date,
        _ when type.Contains("int", StringComparison.Ordinal) || type.Contains("serial", StringComparison.Ordinal) => ValueKind.Integer,
        _ when type.StartsWith("numeric", StringComparison.Ordinal) || type.StartsWith("decimal", StringComparison.Ordinal) || type == "number" => ValueKind.Decimal,
        _ when type.StartsWith("real", StringComparison.Ordinal) || type.StartsWith("double", StringComparison.Ordinal) || type.StartsWith("float", StringComparison.Ordinal) => ValueKind.Float,
        _ when type.StartsWith("bool", StringComparison.Ordinal) => ValueKind.Boolean,
        _ when type is "uuid" => ValueKind.Uuid,
        _ when type is "json" or "jsonb" => ValueKind.Json,
        _ when type is "bytea" => ValueKind.Bytes,
        _ when type is "inet" or "cidr" => ValueKind.Inet,
        _ when type is "money" => ValueKind.Money,
        _ when type.Contains("char", StringComparison.Ordinal) || type.Contains("text", StringComparison.Ordinal) || type.Contains("clob", StringComparison.Ordinal)
            || type is "citext" or "name" or "string" or "" or "blob" => ValueKind.Text,
        _ => ValueKind.Unknown,
    };

    private static long Integer(string type, long n, ValueDomain? domain)
    {
        if (domain?.Min is not null || domain?.Max is not null)
        {
            return (long)Bounded(n, domain, long.MaxValue);
        }

        return type.Contains("smallint", StringComparison.Ordinal) || type.Contains("int2", StringComparison.Ordinal) || type.Contains("tinyint", StringComparison.Ordinal)
            ? 1000 + (n % 30_000)
            : 1_000_000 + n;
    }

    private static decimal Bounded(long n, ValueDomain? domain, decimal span)
    {
        var min = domain?.Min ?? 1;
        var max = domain?.Max ?? (min + span);
        var width = Math.Max(max - min + 1, 1);
        return min + (n % width);
    }

    private static string Decimal(string type, long n, ValueDomain? domain)
    {
        var (precision, scale) = PrecisionScale(type);
        var whole = precision is { } p ? (long)Math.Pow(10, Math.Min(p - scale, 15)) : 1_000_000;
        var value = domain?.Min is not null || domain?.Max is not null ? Bounded(n, domain, whole - 1) : (n % Math.Max(whole - 1, 1)) + 1;
        return scale > 0 ? value.ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture);
    }

    private static (int? Precision, int Scale) PrecisionScale(string type)
    {
        var m = Arguments().Match(type);
        if (!m.Success)
        {
            return (null, 0);
        }

        var p = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return (p, m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : 0);
    }

    private static string Text(string type, string column, long n, ValueDomain? domain)
    {
        var max = Arguments().Match(type) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : int.MaxValue;
        max = Math.Min(max, domain?.MaxLength ?? int.MaxValue);
        var number = n.ToString(CultureInfo.InvariantCulture);
        var text = domain?.Like is { } like
            ? like.Replace("%", "s" + number, StringComparison.Ordinal).Replace("_", "x", StringComparison.Ordinal)
            : $"{number}-{column}";
        if (text.Length > max)
        {
            text = text[..Math.Max(max, 0)];
        }

        var min = domain?.MinLength ?? 0;
        return text.Length >= min ? text : text.PadRight(min, 'x');
    }

    private static string Uuid(int seed, string table, string column, long n)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}|{table}|{column}|{n}"))[..16];
        return new Guid(bytes).ToString("D");
    }

    [GeneratedRegex(@"\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)")]
    private static partial Regex Arguments();
}
