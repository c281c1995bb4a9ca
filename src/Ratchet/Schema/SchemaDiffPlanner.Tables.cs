using System.Text.RegularExpressions;
using Ratchet.Operations;

namespace Ratchet.Schema;

/// <summary>Tables: created, dropped, altered in place (PostgreSQL) or rebuilt (SQLite), with their keys, constraints and indexes.</summary>
internal sealed partial class SchemaDiffPlanner
{
    private void PlanTables(SchemaModel from, SchemaModel to)
    {
        foreach (var table in to.Tables)
        {
            if (from.Table(table.Name) is { } current)
            {
                AlterTable(current, table);
            }
            else
            {
                CreateTable(table);
            }
        }

        DropTables(from.Tables.Where(t => to.Table(t.Name) is null).ToList());
    }

    private void CreateTable(TableModel table)
    {
        if (alterInPlace)
        {
            // Foreign keys come after every table exists, so tables that reference each other need no order.
            _tables.Add(Sql(SchemaDocument.CreateTable(table with { ForeignKeys = [] }, dialect)));
            _foreignKeys.AddRange(Constraints(table).Where(c => c.Definition is ForeignKeyConstraint).Select(c => Add(table.Name, c)));
        }
        else
        {
            _tables.Add(Sql(table.Definition ?? SchemaDocument.CreateTable(table, dialect)));
        }

        _constraints.AddRange(table.Indexes.Select(i => CreateIndex(table.Name, i)));
        Comments(null, table);
    }

    private void DropTables(List<TableModel> dropped)
    {
        // A table goes before the tables it references; foreign keys in a cycle are dropped first.
        var left = dropped.ToList();
        while (left.Count > 0)
        {
            var next = left.FirstOrDefault(t => !left.Any(o => o != t && o.ForeignKeys.Any(f => Equal(f.PrincipalTable, t.Name))));
            if (next is null)
            {
                next = left[0];
                foreach (var other in left.Where(o => o != next))
                {
                    _dropForeignKeys.AddRange(other.ForeignKeys.Where(f => Equal(f.PrincipalTable, next.Name) && f.Name is not null)
                        .Select(f => new DropConstraintOperation { Table = other.Name, Name = f.Name! }));
                }
            }

            _dropTables.Add(new DropTableOperation { Name = next.Name });
            _reshaped.Add(next.Name);
            Notes.Add($"drops table {next.Name} and its rows");
            left.Remove(next);
        }
    }

    private void AlterTable(TableModel a, TableModel b)
    {
        var added = b.Columns.Where(c => a.Column(c.Name) is null).ToList();
        var dropped = a.Columns.Where(c => b.Column(c.Name) is null).ToList();
        var changed = b.Columns.Where(c => a.Column(c.Name) is { } was && !SameColumn(was, c)).ToList();
        var (removedConstraints, addedConstraints) = Changes(Constraints(a), Constraints(b), c => c.Signature);
        var (removedIndexes, addedIndexes) = Changes(a.Indexes, b.Indexes, IndexSignature);
        if (!alterInPlace && (changed.Count > 0 || removedConstraints.Count > 0 || addedConstraints.Count > 0
            || added.Any(c => !AddableInPlace(b, c)) || dropped.Any(c => !DroppableInPlace(a, c))))
        {
            Rebuild(a, b, dropped);
            return;
        }

        if (dropped.Count > 0 || changed.Any(c => !Same(c.Type, a.Column(c.Name)!.Type) || !Same(c.Generated, a.Column(c.Name)!.Generated)))
        {
            _reshaped.Add(b.Name);
        }

        _dropConstraints.AddRange(removedIndexes.Select(i => new DropIndexOperation { Name = i.Name, Table = b.Name }));
        _constraints.AddRange(addedIndexes.Select(i => CreateIndex(b.Name, i)));
        foreach (var column in added)
        {
            _tables.Add(Sql($"ALTER TABLE {Q(b.Name)} ADD COLUMN {Q(column.Name)} {SchemaDocument.ColumnSpecification(column)}"));
            if (!column.Nullable && column.Default is null && column.Identity is null && column.Generated is null)
            {
                Notes.Add($"adds {b.Name}.{column.Name} NOT NULL without a default: fails on a table that has rows");
            }
        }

        foreach (var column in changed)
        {
            AlterColumn(b, a.Column(column.Name)!, column, addedIndexes, addedConstraints);
        }

        foreach (var column in dropped)
        {
            _dropColumns.Add(new DropColumnOperation { Table = b.Name, Name = column.Name });
            Notes.Add($"drops column {b.Name}.{column.Name} and its values");
        }

        foreach (var constraint in removedConstraints)
        {
            (constraint.Definition is ForeignKeyConstraint ? _dropForeignKeys : _dropConstraints)
                .Add(new DropConstraintOperation { Table = b.Name, Name = constraint.Definition.Name, Definition = constraint.Definition });
        }

        foreach (var constraint in addedConstraints)
        {
            (constraint.Definition is ForeignKeyConstraint ? _foreignKeys : _constraints).Add(Add(b.Name, constraint));
        }

        Comments(a, b);
    }

    /// <summary>SQLite: a new table from the desired definition, the shared columns' rows copied, its indexes recreated.</summary>
    private void Rebuild(TableModel a, TableModel b, List<ColumnModel> dropped)
    {
        _rebuilt.Add(b.Name);
        // A column generated before and plain now keeps its values: SELECT reads generated columns like any other.
        var copied = b.Columns.Where(c => c.Generated is null && a.Column(c.Name) is not null).Select(c => c.Name).ToList();
        _tables.Add(new RebuildTableOperation { Table = b.Name, Definition = b.Definition ?? SchemaDocument.CreateTable(b, dialect), CopyColumns = copied });
        _constraints.AddRange(b.Indexes.Select(i => CreateIndex(b.Name, i)));
        Notes.Add($"rebuilds table {b.Name} (SQLite cannot make this change in place): a new table, the rows copied, the old one dropped");
        foreach (var column in dropped)
        {
            Notes.Add($"drops column {b.Name}.{column.Name} and its values");
        }

        foreach (var column in b.Columns)
        {
            if (a.Column(column.Name) is { } was)
            {
                ColumnNotes(b.Name, was, column);
            }
            else if (!column.Nullable && column.Default is null && column.Generated is null && column.Identity is null)
            {
                Notes.Add($"adds {b.Name}.{column.Name} NOT NULL without a default: the copy fails on a table that has rows");
            }
        }
    }

    /// <summary>What a change of column may do to existing rows, which the scratch check (an empty database) cannot see.</summary>
    private void ColumnNotes(string table, ColumnModel a, ColumnModel b)
    {
        if (!Same(a.Type, b.Type))
        {
            Notes.Add($"changes the type of {table}.{b.Name} from {a.Type} to {b.Type}: existing values are converted; the change fails on a value " +
                "that does not convert (narrowing may also round numbers)");
        }

        if (a.Nullable && !b.Nullable)
        {
            Notes.Add($"sets {table}.{b.Name} NOT NULL: fails while a row holds NULL there");
        }
    }

    private void AlterColumn(TableModel t, ColumnModel a, ColumnModel b, List<IndexModel> addedIndexes, List<ConstraintItem> addedConstraints)
    {
        var table = t.Name;
        ColumnNotes(table, a, b);
        if (a.Identity is "always" or "by default" && b.Identity is not ("always" or "by default"))
        {
            // Before any default is set: an identity column cannot have one.
            _tables.Add(Sql($"ALTER TABLE {Q(table)} ALTER COLUMN {Q(b.Name)} DROP IDENTITY"));
        }

        if (a.Generated is not null && b.Generated is null)
        {
            // PostgreSQL 13+: the column keeps its computed values and becomes a plain one.
            _tables.Add(Sql($"ALTER TABLE {Q(table)} ALTER COLUMN {Q(b.Name)} DROP EXPRESSION"));
            a = a with { Generated = null, Default = null };
        }
        else if (!Same(a.Generated, b.Generated))
        {
            // Generated values are computed again from the new expression; what is built on the column goes with it and comes back.
            _tables.Add(new DropColumnOperation { Table = table, Name = a.Name });
            _tables.Add(Sql($"ALTER TABLE {Q(table)} ADD COLUMN {Q(b.Name)} {SchemaDocument.ColumnSpecification(b)}"));
            _constraints.AddRange(t.Indexes.Where(i => !addedIndexes.Contains(i) && Mentions(i.Columns.Append(i.Where ?? ""), b.Name)).Select(i => CreateIndex(table, i)));
            foreach (var item in Constraints(t).Where(c => !addedConstraints.Any(x => x.Signature == c.Signature) && Mentions(ColumnsOf(c.Definition), b.Name)))
            {
                (item.Definition is ForeignKeyConstraint ? _foreignKeys : _constraints).Add(Add(table, item));
            }

            Notes.Add($"column {table}.{b.Name}: a generated column that becomes another is dropped and added again (its values are computed anew)");
            return;
        }

        if (!Same(a.Type, b.Type))
        {
            if (a.Default is not null)
            {
                _tables.Add(new AlterColumnOperation { Table = table, Name = b.Name, ChangesDefault = true, OldDefaultKnown = true, OldDefault = Operations.Sql.Raw(a.Default) });
            }

            _tables.Add(new AlterColumnOperation
            {
                Table = table,
                Name = b.Name,
                Type = SqlType.Custom(b.Type),
                OldType = SqlType.Custom(a.Type),
                Using = NeedsUsing(a.Type, b.Type) ? $"{Q(b.Name)}::{b.Type}" : null,
            });
            if (b.Default is not null)
            {
                _tables.Add(new AlterColumnOperation { Table = table, Name = b.Name, ChangesDefault = true, Default = Operations.Sql.Raw(b.Default), OldDefaultKnown = true });
            }
        }
        else if (!Same(a.Default, b.Default))
        {
            _tables.Add(new AlterColumnOperation
            {
                Table = table,
                Name = b.Name,
                ChangesDefault = true,
                Default = b.Default is null ? null : Operations.Sql.Raw(b.Default),
                OldDefaultKnown = true,
                OldDefault = a.Default is null ? null : Operations.Sql.Raw(a.Default),
            });
        }

        if (a.Nullable != b.Nullable)
        {
            _tables.Add(new AlterColumnOperation { Table = table, Name = b.Name, Nullable = b.Nullable });
        }

        if (a.Identity != b.Identity)
        {
            Identity(table, a, b);
        }
    }

    private void Identity(string table, ColumnModel a, ColumnModel b)
    {
        var column = $"ALTER TABLE {Q(table)} ALTER COLUMN {Q(b.Name)}";
        switch (a.Identity, b.Identity)
        {
            case (null, "always" or "by default"):
                // After the column's default went (an identity column has none), numbering continues after the rows there.
                _tables.Add(Sql($"{column} ADD GENERATED {b.Identity.ToUpperInvariant()} AS IDENTITY"));
                _tables.Add(Sql($"SELECT setval(pg_get_serial_sequence({dialect.StringLiteral(Q(table))}, {dialect.StringLiteral(b.Name)}), " +
                    $"(SELECT coalesce(max({Q(b.Name)}), 0) + 1 FROM {Q(table)}), false)"));
                break;
            case ("always" or "by default", null):
                break;
            case ("always" or "by default", "always" or "by default"):
                _tables.Add(Sql($"{column} SET GENERATED {b.Identity.ToUpperInvariant()}"));
                break;
            default:
                Notes.Add($"column {table}.{b.Name}: numbering changes from {a.Identity ?? "none"} to {b.Identity ?? "none"}; not written, change it by hand");
                break;
        }
    }

    private void Comments(TableModel? a, TableModel b)
    {
        if (!string.Equals(a?.Comment, b.Comment, StringComparison.Ordinal))
        {
            _create.Add(Sql($"COMMENT ON TABLE {Q(b.Name)} IS {(b.Comment is null ? "NULL" : dialect.StringLiteral(b.Comment))}"));
        }

        foreach (var column in b.Columns.Where(c => !string.Equals(a?.Column(c.Name)?.Comment, c.Comment, StringComparison.Ordinal)))
        {
            _create.Add(Sql($"COMMENT ON COLUMN {Q(b.Name)}.{Q(column.Name)} IS {(column.Comment is null ? "NULL" : dialect.StringLiteral(column.Comment))}"));
        }
    }

    /// <summary>Whether SQLite's ADD COLUMN takes the column as it is: no key, no generation, a constant default, NOT NULL only with one.</summary>
    private static bool AddableInPlace(TableModel table, ColumnModel column) =>
        column.Generated is null && column.Identity is null
        && table.PrimaryKey?.Columns.Contains(column.Name, StringComparer.OrdinalIgnoreCase) != true
        && (column.Nullable || column.Default is not null)
        && (column.Default is null || ConstantDefault().IsMatch(column.Default));

    /// <summary>
    /// Whether SQLite's DROP COLUMN takes the column: nothing else names it (keys, constraints, indexes, generated
    /// columns, views, triggers), which SQLite checks and refuses.
    /// </summary>
    private bool DroppableInPlace(TableModel table, ColumnModel column)
    {
        bool Names(string? text) => text is not null && Regex.IsMatch(text, $"(?<![\\w\"]){Regex.Escape(column.Name)}(?![\\w\"])", RegexOptions.IgnoreCase);
        bool In(IEnumerable<string> columns) => columns.Any(c => Equal(c, column.Name) || Names(c));
        return !(In(table.PrimaryKey?.Columns ?? []) || table.UniqueConstraints.Any(u => In(u.Columns)) || table.ForeignKeys.Any(f => In(f.Columns))
            || table.Checks.Any(c => Names(c.Expression)) || table.Indexes.Any(i => In(i.Columns) || Names(i.Where))
            || table.Columns.Any(c => Names(c.Generated)) || _from.Views.Any(v => Names(v.Definition))
            || _from.Triggers.Any(t => Names(t.Definition)) || _from.Tables.Any(t => t.ForeignKeys.Any(f => Equal(f.PrincipalTable, table.Name) && In(f.PrincipalColumns))));
    }

    /// <summary>
    /// Whether a type change needs <c>USING col::type</c>. Without it PostgreSQL applies its assignment cast, which refuses
    /// a value that does not fit where an explicit cast would cut it (<c>varchar(10)</c>); to a string type and between
    /// numeric types an assignment cast exists, elsewhere (text to integer, to an enum) only an explicit one does.
    /// </summary>
    private static bool NeedsUsing(string from, string to) =>
        !(IsString(to) || (IsNumeric(from) && IsNumeric(to)));

    private static bool IsString(string type) =>
        type.StartsWith("text", StringComparison.OrdinalIgnoreCase) || type.StartsWith("character", StringComparison.OrdinalIgnoreCase)
        || type.StartsWith("varchar", StringComparison.OrdinalIgnoreCase) || type.StartsWith("char", StringComparison.OrdinalIgnoreCase);

    private static bool IsNumeric(string type) =>
        type.ToLowerInvariant().Split('(')[0].Trim() is "smallint" or "integer" or "bigint" or "numeric" or "decimal" or "real" or "double precision";

    private static bool Mentions(IEnumerable<string> texts, string column) =>
        texts.Any(t => Equal(t, column) || Regex.IsMatch(t, $"(?<![\\w\"]){Regex.Escape(column)}(?![\\w\"])|\"{Regex.Escape(column)}\"", RegexOptions.IgnoreCase));

    private static IEnumerable<string> ColumnsOf(TableConstraint constraint) => constraint switch
    {
        PrimaryKeyConstraint pk => pk.Columns,
        UniqueConstraint u => u.Columns,
        ForeignKeyConstraint f => f.Columns,
        CheckConstraint c => [c.Expression],
        _ => [],
    };

    private static bool SameColumn(ColumnModel a, ColumnModel b) =>
        Same(a.Type, b.Type) && a.Nullable == b.Nullable && Same(a.Default, b.Default) && a.Identity == b.Identity && Same(a.Generated, b.Generated);

    private static bool Equal(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static CreateIndexOperation CreateIndex(string table, IndexModel index) => new()
    {
        Name = index.Name,
        Table = table,
        Columns = index.Columns,
        Unique = index.Unique,
        Where = index.Where,
        Method = index.Method,
    };

    private static string IndexSignature(IndexModel i) =>
        $"{i.Name.ToLowerInvariant()} {i.Unique} ({string.Join(",", i.Columns.Select(c => SchemaComparer.Normalize(c)))}) {i.Method} {SchemaComparer.Normalize(i.Where)} {i.Valid}";

    /// <summary>What is only in <paramref name="before"/> and only in <paramref name="after"/>, matched by signature (a multiset).</summary>
    private static (List<T> Removed, List<T> Added) Changes<T>(IEnumerable<T> before, IEnumerable<T> after, Func<T, string> signature)
    {
        var added = after.ToList();
        var removed = new List<T>();
        foreach (var item in before)
        {
            var match = added.FindIndex(a => signature(a) == signature(item));
            if (match >= 0)
            {
                added.RemoveAt(match);
            }
            else
            {
                removed.Add(item);
            }
        }

        return (removed, added);
    }

    [GeneratedRegex(@"^\(*\s*(NULL|TRUE|FALSE|[-+]?\d+(\.\d+)?([eE][-+]?\d+)?|'([^']|'')*'|[xX]'[0-9A-Fa-f]*')\s*\)*$", RegexOptions.IgnoreCase)]
    private static partial Regex ConstantDefault();
}
