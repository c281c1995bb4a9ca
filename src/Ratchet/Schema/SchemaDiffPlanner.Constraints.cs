using Ratchet.Operations;

namespace Ratchet.Schema;

/// <summary>Keys, unique, foreign-key and check constraints: matched by what they say, never by their names.</summary>
internal sealed partial class SchemaDiffPlanner
{
    private sealed record ConstraintItem(string Signature, TableConstraint Definition, bool NotValid);

    /// <summary>The table's constraints as typed definitions, named as the engine named them (or as PostgreSQL would).</summary>
    private static List<ConstraintItem> Constraints(TableModel t)
    {
        var items = new List<ConstraintItem>();
        string Columns(IEnumerable<string> columns) => string.Join(", ", columns.Select(c => SchemaComparer.Normalize(c)));
        if (t.PrimaryKey is { } pk)
        {
            items.Add(new($"primary key ({Columns(pk.Columns)})", new PrimaryKeyConstraint(pk.Name ?? $"{t.Name}_pkey", pk.Columns), false));
        }

        items.AddRange(t.UniqueConstraints.Select(u =>
            new ConstraintItem($"unique ({Columns(u.Columns)})", new UniqueConstraint(u.Name ?? $"{t.Name}_{string.Join("_", u.Columns)}_key", u.Columns), false)));
        items.AddRange(t.ForeignKeys.Select(f => new ConstraintItem(
            $"foreign key ({Columns(f.Columns)}) references {f.PrincipalTable.ToLowerInvariant()} ({Columns(f.PrincipalColumns)}) " +
            $"on delete {f.OnDelete.ToUpperInvariant()} on update {f.OnUpdate.ToUpperInvariant()}{(f.Validated ? "" : " not valid")}",
            new ForeignKeyConstraint(f.Name ?? $"{t.Name}_{string.Join("_", f.Columns)}_fkey", f.Columns,
                new ForeignKeyReference(f.PrincipalTable, f.PrincipalColumns, Action(f.OnDelete), Action(f.OnUpdate))),
            !f.Validated)));
        items.AddRange(t.Checks.Select((c, k) => new ConstraintItem($"check ({SchemaComparer.Normalize(c.Expression)}){(c.Validated ? "" : " not valid")}",
            new CheckConstraint(c.Name ?? $"{t.Name}_check{(k == 0 ? "" : k.ToString(System.Globalization.CultureInfo.InvariantCulture))}", Unwrap(c.Expression)),
            !c.Validated)));
        return items;
    }

    private static AddConstraintOperation Add(string table, ConstraintItem item) => new() { Table = table, Constraint = item.Definition, NotValid = item.NotValid };

    private static ReferentialAction Action(string action) => action.ToUpperInvariant() switch
    {
        "CASCADE" => ReferentialAction.Cascade,
        "RESTRICT" => ReferentialAction.Restrict,
        "SET NULL" => ReferentialAction.SetNull,
        "SET DEFAULT" => ReferentialAction.SetDefault,
        _ => ReferentialAction.NoAction,
    };

    /// <summary>PostgreSQL reports a check as <c>(price &gt; 0)</c>; CHECK adds its own parentheses.</summary>
    private static string Unwrap(string expression)
    {
        var text = expression.Trim();
        return text.Length > 1 && text[0] == '(' && text[^1] == ')' && SchemaComparer.Normalize(text) == SchemaComparer.Normalize(text[1..^1]) ? text[1..^1] : text;
    }
}
