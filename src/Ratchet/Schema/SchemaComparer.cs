using System.Text;
using System.Text.RegularExpressions;

namespace Ratchet.Schema;

/// <summary>
/// Normalized comparison of two schemas: column order, the names of unnamed or engine-named constraints, whitespace and
/// letter case of expressions do not count; anything else is a difference, described in one line each.
/// </summary>
public static partial class SchemaComparer
{
    /// <summary>Every difference, worded from <paramref name="expected"/>'s point of view ("missing", "unexpected", "x instead of y").</summary>
    public static IReadOnlyList<string> Differences(SchemaModel expected, SchemaModel actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        if (string.Equals(Canonical(expected), Canonical(actual), StringComparison.Ordinal))
        {
            // The canonical text holds every aspect compared below: equal texts, no difference.
            return [];
        }

        var found = new List<string>();
        Compare(found, "table", expected.Tables, actual.Tables, t => t.Name, (e, a) => CompareTables(found, e, a));
        Compare(found, "enum", expected.Enums, actual.Enums, e => e.Name, (e, a) =>
        {
            if (!e.Values.SequenceEqual(a.Values, StringComparer.Ordinal))
            {
                found.Add($"enum {e.Name}: values ({string.Join(", ", a.Values)}) instead of ({string.Join(", ", e.Values)})");
            }
        });
        Compare(found, "view", expected.Views, actual.Views, v => v.Name, (e, a) => Same(found, $"view {e.Name}", "definition", e.Definition, a.Definition));
        Compare(found, "sequence", expected.Sequences, actual.Sequences, s => s.Name, (_, _) => { });
        Compare(found, "trigger", expected.Triggers, actual.Triggers, t => t.Name, (e, a) => Same(found, $"trigger {e.Name}", "definition", e.Definition, a.Definition));
        Compare(found, "function", expected.Functions, actual.Functions, f => f.Name, (e, a) => Same(found, $"function {e.Name}", "definition", e.Definition, a.Definition));
        return found;
    }

    /// <summary>Whether the two schemas are equal once normalized.</summary>
    public static bool AreEqual(SchemaModel expected, SchemaModel actual) => Differences(expected, actual).Count == 0;

    /// <summary>A canonical text of the schema (sorted, normalized): its hash is the schema's fingerprint.</summary>
    public static string Canonical(SchemaModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return CanonicalTexts.GetValue(model, Write);
    }

    /// <summary>Models are immutable: each one's canonical text is written once (the stairway compares each model twice).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SchemaModel, string> CanonicalTexts = [];

    private static string Write(SchemaModel model)
    {
        var text = new StringBuilder();
        foreach (var table in model.Tables.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("table ").Append(Key(table.Name)).Append(" comment ").AppendLine(table.Comment);
            foreach (var column in table.Columns.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase))
            {
                text.Append("  column ").Append(Key(column.Name)).Append(' ').Append(Normalize(column.Type)).Append(column.Nullable ? " null" : " not null")
                    .Append(" default ").Append(Normalize(column.Default)).Append(" identity ").Append(column.Identity).Append(" generated ")
                    .Append(Normalize(column.Generated)).Append(" comment ").AppendLine(column.Comment);
            }

            foreach (var line in Constraints(table).Order(StringComparer.Ordinal))
            {
                text.Append("  ").AppendLine(line);
            }
        }

        foreach (var e in model.Enums.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            text.Append("enum ").Append(e.Name).Append(' ').AppendLine(string.Join(",", e.Values));
        }

        foreach (var v in model.Views.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("view ").Append(Key(v.Name)).Append(' ').AppendLine(Normalize(v.Definition));
        }

        foreach (var s in model.Sequences.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            text.Append("sequence ").AppendLine(s.Name);
        }

        foreach (var t in model.Triggers.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase))
        {
            text.Append("trigger ").Append(Key(t.Name)).Append(' ').AppendLine(Normalize(t.Definition));
        }

        foreach (var f in model.Functions.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            text.Append("function ").Append(f.Name).Append(' ').AppendLine(Normalize(f.Definition));
        }

        return text.ToString();
    }

    /// <summary>The SHA-256 of <see cref="Canonical"/>.</summary>
    public static string Fingerprint(SchemaModel model) => History.Checksum.OfText(Canonical(model));

    private static void CompareTables(List<string> found, TableModel e, TableModel a)
    {
        Compare(found, $"column {e.Name}.", e.Columns, a.Columns, c => c.Name, (ec, ac) =>
        {
            var where = $"column {e.Name}.{ec.Name}";
            Same(found, where, "type", ec.Type, ac.Type);
            if (ec.Nullable != ac.Nullable)
            {
                found.Add($"{where}: {(ac.Nullable ? "nullable" : "NOT NULL")} instead of {(ec.Nullable ? "nullable" : "NOT NULL")}");
            }

            Same(found, where, "default", ec.Default, ac.Default);
            Same(found, where, "identity", ec.Identity, ac.Identity);
            Same(found, where, "generated expression", ec.Generated, ac.Generated);
            if (!string.Equals(ec.Comment, ac.Comment, StringComparison.Ordinal))
            {
                found.Add($"{where}: comment {Show(ac.Comment)} instead of {Show(ec.Comment)}");
            }
        }, prefixIsWhole: true);
        var expected = Constraints(e).ToHashSet(StringComparer.Ordinal);
        var actual = Constraints(a).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in expected.Where(c => !actual.Contains(c)).Order(StringComparer.Ordinal))
        {
            found.Add($"table {e.Name}: missing {missing}");
        }

        foreach (var extra in actual.Where(c => !expected.Contains(c)).Order(StringComparer.Ordinal))
        {
            found.Add($"table {e.Name}: unexpected {extra}");
        }

        if (!string.Equals(e.Comment, a.Comment, StringComparison.Ordinal))
        {
            found.Add($"table {e.Name}: comment {Show(a.Comment)} instead of {Show(e.Comment)}");
        }
    }

    /// <summary>The constraints and indexes of a table, one normalized line each (names of engine-named constraints left out).</summary>
    private static IEnumerable<string> Constraints(TableModel table)
    {
        if (table.PrimaryKey is { } pk)
        {
            yield return $"primary key ({Columns(pk.Columns)})";
        }

        foreach (var unique in table.UniqueConstraints)
        {
            yield return $"unique ({Columns(unique.Columns)})";
        }

        foreach (var fk in table.ForeignKeys)
        {
            yield return $"foreign key ({Columns(fk.Columns)}) references {Key(fk.PrincipalTable)} ({Columns(fk.PrincipalColumns)}) " +
                $"on delete {fk.OnDelete.ToUpperInvariant()} on update {fk.OnUpdate.ToUpperInvariant()}{(fk.Validated ? "" : " not valid")}";
        }

        foreach (var check in table.Checks)
        {
            yield return $"check ({Normalize(check.Expression)}){(check.Validated ? "" : " not valid")}";
        }

        foreach (var index in table.Indexes)
        {
            yield return $"{(index.Unique ? "unique " : "")}index {Key(index.Name)} ({Columns(index.Columns)})" +
                (index.Method is null ? "" : $" using {index.Method}") + (index.Where is null ? "" : $" where {Normalize(index.Where)}") +
                (index.Valid ? "" : " INVALID");
        }
    }

    private static void Compare<T>(List<string> found, string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual, Func<T, string> name,
        Action<T, T> both, bool prefixIsWhole = false)
    {
        var label = prefixIsWhole ? what : what + " ";
        var actualByName = actual.ToDictionary(a => Key(name(a)), StringComparer.Ordinal);
        foreach (var e in expected)
        {
            if (actualByName.Remove(Key(name(e)), out var a))
            {
                both(e, a);
            }
            else
            {
                found.Add($"{label}{name(e)}: missing");
            }
        }

        foreach (var extra in actualByName.Values.OrderBy(name, StringComparer.Ordinal))
        {
            found.Add($"{label}{name(extra)}: unexpected");
        }
    }

    private static void Same(List<string> found, string where, string aspect, string? expected, string? actual)
    {
        if (!string.Equals(Normalize(expected), Normalize(actual), StringComparison.Ordinal))
        {
            found.Add($"{where}: {aspect} {Show(actual)} instead of {Show(expected)}");
        }
    }

    private static string Show(string? value) => value is null ? "none" : $"'{value}'";

    private static string Key(string name) => name.ToLowerInvariant();

    private static string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => Normalize(c)));

    /// <summary>
    /// Expressions compared without case, redundant spaces, quotes around plain names, or enclosing parentheses; string
    /// literals (<c>'USD'</c>) are kept exactly as written.
    /// </summary>
    public static string Normalize(string? expression)
    {
        if (expression is null)
        {
            return "";
        }

        if (IsPlainWord(expression))
        {
            return expression.ToLowerInvariant();
        }

        var literals = new List<string>();
        var text = StringLiteral().Replace(expression.Trim(), m =>
        {
            literals.Add(m.Value);
            return $"\u0001{literals.Count - 1}\u0002";
        });
        text = Whitespace().Replace(text, " ").ToLowerInvariant();
        text = QuotedPlainName().Replace(text, "$1");
        text = SpaceAroundPunctuation().Replace(text, "$1");
        text = LiteralSlot().Replace(text, m => literals[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)]);
        while (text.Length > 1 && text[0] == '(' && text[^1] == ')' && Balanced(text[1..^1]))
        {
            text = text[1..^1];
        }

        return text;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    /// <summary>A name or type word (<c>id</c>, <c>integer</c>): nothing in it to normalize but its case.</summary>
    private static bool IsPlainWord(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    [GeneratedRegex("'(?:[^']|'')*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("\u0001(\\d+)\u0002")]
    private static partial Regex LiteralSlot();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("\"([a-z_][a-z0-9_]*)\"")]
    private static partial Regex QuotedPlainName();

    [GeneratedRegex(@"\s*([(),=<>])\s*")]
    private static partial Regex SpaceAroundPunctuation();
}
