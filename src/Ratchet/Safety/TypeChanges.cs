using System.Globalization;
using System.Text.RegularExpressions;

namespace Ratchet.Safety;

/// <summary>
/// Whether changing a column's type rewrites the table, per engine and version. PostgreSQL skips the rewrite only for
/// binary-coercible changes that keep every value valid (pg_cast method 'b' plus the length and precision rules);
/// SQLite changes a type only by rebuilding the table; MySQL rebuilds except when a VARCHAR grows within its length
/// byte (up to 255, or from 256 on).
/// </summary>
public static partial class TypeChanges
{
    /// <summary>True when the change rewrites; null when the old type is unknown.</summary>
    public static bool? Rewrites(string? from, string to, LintTarget target)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(target);
        if (from is null)
        {
            return null;
        }

        var (a, b) = (Canonical(from), Canonical(to));
        if (a == b)
        {
            return false;
        }

        if (target.IsSqlite)
        {
            return true;
        }

        var (baseA, argsA) = Split(a);
        var (baseB, argsB) = Split(b);
        if (target.IsMySql)
        {
            return !(baseA == "varchar" && baseB == "varchar" && argsA.Length == 1 && argsB.Length == 1 && argsB[0] >= argsA[0] && (argsA[0] > 255 || argsB[0] <= 255));
        }

        // PostgreSQL.
        if (baseA is "varchar" or "text" && baseB == "text")
        {
            return false;
        }

        if (baseA == "varchar" && baseB == "varchar")
        {
            return argsB.Length == 1 && argsA.Length == 1 ? argsB[0] < argsA[0] : argsA.Length == 1 && argsB.Length == 0 ? false : argsB.Length == 1;
        }

        if (baseA == "text" && baseB == "varchar")
        {
            return argsB.Length == 1;
        }

        if (baseA == "numeric" && baseB == "numeric")
        {
            if (argsB.Length == 0)
            {
                return false;
            }

            return !(argsA.Length == 2 && argsB.Length == 2 && argsB[1] == argsA[1] && argsB[0] >= argsA[0])
                && !(argsA.Length == 1 && argsB.Length == 1 && argsB[0] >= argsA[0]);
        }

        if (baseA == baseB && baseA is "varbit" or "bit varying" && argsA.Length == 1 && argsB.Length == 1)
        {
            return argsB[0] < argsA[0];
        }

        if (baseA == baseB && baseA is "timestamp" or "timestamptz" or "time" or "timetz" or "interval")
        {
            // Only the fractional-second precision differs: growing it keeps values; shrinking rounds them (a rewrite).
            var pa = argsA.Length == 1 ? argsA[0] : 6;
            var pb = argsB.Length == 1 ? argsB[0] : 6;
            return pb < pa;
        }

        if (baseA == "timestamp" && baseB == "timestamptz")
        {
            // PostgreSQL 12 skips the rewrite when the session time zone is UTC, which lint cannot know.
            return true;
        }

        return !BinaryCoercible.Contains((baseA, baseB));
    }

    private static readonly HashSet<(string, string)> BinaryCoercible =
    [
        ("varchar", "text"), ("char", "text"), ("char", "varchar"), ("cidr", "inet"), ("xml", "text"), ("xml", "varchar"), ("json", "text"),
        ("regclass", "oid"), ("oid", "regclass"), ("int4", "oid"), ("oid", "int4"), ("name", "text"),
    ];

    /// <summary>A type spelled one way: aliases to PostgreSQL's short names, spaces normalized, lower case.</summary>
    public static string Canonical(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var t = Spaces().Replace(type.Trim().ToLowerInvariant(), " ").Replace(" (", "(", StringComparison.Ordinal).Replace("( ", "(", StringComparison.Ordinal)
            .Replace(" )", ")", StringComparison.Ordinal).Replace(", ", ",", StringComparison.Ordinal).Replace("pg_catalog.", "", StringComparison.Ordinal);
        foreach (var (alias, name) in Aliases)
        {
            if (t == alias || t.StartsWith(alias + "(", StringComparison.Ordinal) || t.StartsWith(alias + "[", StringComparison.Ordinal))
            {
                t = name + t[alias.Length..];
                break;
            }
        }

        return t;
    }

    private static readonly (string Alias, string Name)[] Aliases =
    [
        ("character varying", "varchar"), ("timestamp with time zone", "timestamptz"), ("timestamp without time zone", "timestamp"),
        ("time with time zone", "timetz"), ("time without time zone", "time"), ("double precision", "float8"), ("integer", "int4"), ("int", "int4"),
        ("bigint", "int8"), ("smallint", "int2"), ("serial", "int4"), ("bigserial", "int8"), ("real", "float4"), ("decimal", "numeric"),
        ("boolean", "bool"), ("character", "char"), ("bit varying", "varbit"),
    ];

    private static (string Base, int[] Arguments) Split(string type)
    {
        var open = type.IndexOf('(', StringComparison.Ordinal);
        if (open < 0)
        {
            return (type, []);
        }

        var close = type.IndexOf(')', open);
        var args = type[(open + 1)..(close < 0 ? type.Length : close)].Split(',', StringSplitOptions.TrimEntries)
            .Select(a => int.TryParse(a, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : -1).ToArray();
        var rest = close < 0 ? "" : type[(close + 1)..].Trim();
        var name = type[..open].Trim();

        // timestamp(3) with time zone: the precision sits before the zone words.
        return (rest.Length == 0 ? name : Canonical(name + " " + rest).Split('(')[0], args);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
