using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety;

/// <summary>
/// What lint knows of the schema without a database: the tables, columns (with their types as written), indexes,
/// constraints and enums that the revisions read so far create, folded in graph order. Rules ask it whether a table
/// exists, what a column's type was, whether an index covers a foreign key, whether a CHECK proves NOT NULL.
/// </summary>
public sealed class SchemaFacts
{
    private readonly Dictionary<string, FactTable> _tables = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _enums = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The table, or null when no revision read so far creates it.</summary>
    public FactTable? Table(string name) => _tables.GetValueOrDefault(name);

    /// <summary>The values of an enum type, or null.</summary>
    public IReadOnlyList<string>? Enum(string name) => _enums.GetValueOrDefault(name);

    /// <summary>The table an index is on, or null.</summary>
    public FactTable? TableOfIndex(string index) => _tables.Values.FirstOrDefault(t => t.Indexes.Any(i => Same(i.Name, index)));

    /// <summary>A constraint by name, with its table, or null.</summary>
    public (FactTable Table, FactConstraint Constraint)? Constraint(string name)
    {
        foreach (var table in _tables.Values)
        {
            if (table.Constraints.FirstOrDefault(k => Same(k.Name, name)) is { } found)
            {
                return (table, found);
            }
        }

        return null;
    }

    /// <summary>Folds one statement part into the facts.</summary>
    public void Apply(StatementPart part)
    {
        switch (part)
        {
            case OperationPart o:
                Apply(o.Operation, o);
                break;
            case CreatedTablePart c:
                _tables[c.Table] = new FactTable(c.Table);
                break;
            case RenameObjectPart { Kind: "INDEX" } r when TableOfIndex(r.Name) is { } table:
                var index = table.Indexes.First(i => Same(i.Name, r.Name));
                table.Indexes[table.Indexes.IndexOf(index)] = index with { Name = r.NewName };
                break;
            case EnumValueRenamePart r when _enums.TryGetValue(r.Enum, out var values):
                var at = values.FindIndex(v => v == r.Value);
                if (at >= 0)
                {
                    values[at] = r.NewValue;
                }

                break;
        }
    }

    private void Apply(MigrationOperation operation, OperationPart? part)
    {
        switch (operation)
        {
            case CreateTableOperation o:
                var created = new FactTable(o.Name);
                foreach (var column in o.Columns)
                {
                    created.Columns[column.Name] = new FactColumn(column.Name, TypeName(column.Type), column.Nullable);
                }

                foreach (var key in o.Constraints)
                {
                    created.Add(key, validated: true);
                }

                _tables[o.Name] = created;
                break;
            case DropTableOperation o:
                _tables.Remove(o.Name);
                break;
            case RenameTableOperation o when _tables.Remove(o.Name, out var renamed):
                renamed.Name = o.NewName;
                _tables[o.NewName] = renamed;
                break;
            case AddColumnOperation o when Table(o.Table) is { } t:
                t.Columns[o.Column.Name] = new FactColumn(o.Column.Name, TypeName(o.Column.Type), o.Column.Nullable);
                break;
            case DropColumnOperation o when Table(o.Table) is { } t:
                t.Columns.Remove(o.Name);
                t.Indexes.RemoveAll(i => i.Columns.Contains(o.Name, StringComparer.OrdinalIgnoreCase));
                t.Constraints.RemoveAll(k => k.Columns.Contains(o.Name, StringComparer.OrdinalIgnoreCase));
                break;
            case AlterColumnOperation o when Table(o.Table)?.Column(o.Name) is { } column:
                var changed = column;
                if (o.Type is not null)
                {
                    changed = changed with { Type = TypeName(o.Type) };
                }

                if (o.Nullable is { } nullable)
                {
                    changed = changed with { Nullable = nullable };
                }

                Table(o.Table)!.Columns[o.Name] = changed;
                break;
            case RenameColumnOperation o when Table(o.Table) is { } t && t.Columns.Remove(o.Name, out var moved):
                t.Columns[o.NewName] = moved with { Name = o.NewName };
                t.RenameColumn(o.Name, o.NewName);
                break;
            case CreateIndexOperation o when Table(o.Table) is { } t:
                t.Indexes.Add(new FactIndex(o.Name, o.Columns, o.Unique, o.Where is not null));
                break;
            case DropIndexOperation o when TableOfIndex(o.Name) is { } t:
                t.Indexes.RemoveAll(i => Same(i.Name, o.Name));
                break;
            case AddConstraintOperation o when Table(o.Table) is { } t:
                var constraint = o.Constraint;
                if (part?.UsingIndex is { } index && t.Indexes.FirstOrDefault(i => Same(i.Name, index)) is { } used)
                {
                    constraint = constraint switch
                    {
                        PrimaryKeyConstraint p => p with { Columns = used.Columns },
                        UniqueConstraint u => u with { Columns = used.Columns },
                        _ => constraint,
                    };
                    t.Indexes.Remove(used);
                }

                t.Add(constraint, validated: !o.NotValid);
                break;
            case DropConstraintOperation o when Table(o.Table) is { } t:
                t.Constraints.RemoveAll(k => Same(k.Name, o.Name));
                break;
            case ValidateConstraintOperation o when Table(o.Table) is { } t:
                for (var k = 0; k < t.Constraints.Count; k++)
                {
                    if (Same(t.Constraints[k].Name, o.Name))
                    {
                        t.Constraints[k] = t.Constraints[k] with { Validated = true };
                    }
                }

                break;
            case CreateEnumOperation o:
                _enums[o.Name] = [.. o.Values];
                break;
            case AddEnumValueOperation o when _enums.TryGetValue(o.Enum, out var values):
                var before = o.Before is null ? -1 : values.IndexOf(o.Before);
                values.Insert(before < 0 ? values.Count : before, o.Value);
                break;
            case DropEnumOperation o:
                _enums.Remove(o.Name);
                break;
        }
    }

    /// <summary>A type as the facts keep it: custom spellings as written (lower case), portable ones as PostgreSQL spells them.</summary>
    public static string TypeName(SqlType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind switch
        {
            SqlTypeKind.Custom => type.Name!.ToLowerInvariant(),
            SqlTypeKind.Int => "integer",
            SqlTypeKind.BigInt => "bigint",
            SqlTypeKind.SmallInt => "smallint",
            SqlTypeKind.String => $"varchar({type.Length})",
            SqlTypeKind.Text => "text",
            SqlTypeKind.Boolean => "boolean",
            SqlTypeKind.DateTime => "timestamptz",
            SqlTypeKind.Date => "date",
            SqlTypeKind.Decimal => $"numeric({type.Precision},{type.Scale})",
            SqlTypeKind.Double => "double precision",
            SqlTypeKind.Uuid => "uuid",
            SqlTypeKind.Binary => "bytea",
            SqlTypeKind.Json => "jsonb",
            SqlTypeKind.Enum => type.Name!.ToLowerInvariant(),
            _ => type.ToString(),
        };
    }

    internal static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A table lint knows of.</summary>
public sealed class FactTable(string name)
{
    /// <summary>The name.</summary>
    public string Name { get; internal set; } = name;

    /// <summary>The columns by name (empty when the table came from CREATE TABLE ... AS).</summary>
    public Dictionary<string, FactColumn> Columns { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The indexes (not those behind constraints).</summary>
    public List<FactIndex> Indexes { get; } = [];

    /// <summary>The constraints.</summary>
    public List<FactConstraint> Constraints { get; } = [];

    /// <summary>The column, or null.</summary>
    public FactColumn? Column(string name) => Columns.GetValueOrDefault(name);

    /// <summary>Whether an index, primary key or unique constraint starts with exactly these columns (in any order among them).</summary>
    public bool IsIndexedBy(IReadOnlyList<string> columns)
    {
        bool Leads(IReadOnlyList<string> keys) => keys.Count >= columns.Count
            && keys.Take(columns.Count).ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(columns);
        return Indexes.Any(i => !i.Partial && Leads(i.Columns)) || Constraints.Any(k => k.Kind is 'p' or 'u' && Leads(k.Columns));
    }

    internal void Add(TableConstraint constraint, bool validated) => Constraints.Add(constraint switch
    {
        PrimaryKeyConstraint p => new FactConstraint(p.Name, 'p', p.Columns, null, validated),
        UniqueConstraint u => new FactConstraint(u.Name, 'u', u.Columns, null, validated),
        ForeignKeyConstraint f => new FactConstraint(f.Name, 'f', f.Columns, null, validated),
        CheckConstraint c => new FactConstraint(c.Name, 'c', [], c.Expression, validated),
        _ => new FactConstraint(constraint.Name, 'x', [], null, validated),
    });

    internal void RenameColumn(string from, string to)
    {
        string[] Renamed(IEnumerable<string> names) => names.Select(n => SchemaFacts.Same(n, from) ? to : n).ToArray();
        for (var k = 0; k < Indexes.Count; k++)
        {
            Indexes[k] = Indexes[k] with { Columns = Renamed(Indexes[k].Columns) };
        }

        for (var k = 0; k < Constraints.Count; k++)
        {
            Constraints[k] = Constraints[k] with { Columns = Renamed(Constraints[k].Columns) };
        }
    }
}

/// <summary>A column lint knows of: its type as written and whether it takes NULL.</summary>
public sealed record FactColumn(string Name, string Type, bool Nullable);

/// <summary>An index lint knows of.</summary>
public sealed record FactIndex(string Name, IReadOnlyList<string> Columns, bool Unique, bool Partial);

/// <summary>A constraint lint knows of: p, u, f, c or x; its columns (or CHECK expression); whether it is validated.</summary>
public sealed record FactConstraint(string Name, char Kind, IReadOnlyList<string> Columns, string? Expression, bool Validated);
