namespace Ratchet.Operations;

/// <summary>Describes a new table: its columns and table-level constraints.</summary>
public sealed class TableBuilder
{
    private readonly string _table;
    private readonly List<ColumnBuilder> _columns = [];
    private readonly List<TableConstraint> _constraints = [];
    private PrimaryKeyConstraint? _primaryKey;

    internal TableBuilder(string table)
    {
        _table = table;
    }

    /// <summary>Adds a column.</summary>
    public ColumnBuilder Column(string name, SqlType type)
    {
        if (_columns.Any(c => c.Name == name))
        {
            throw new ArgumentException($"table {_table} already has a column {name}", nameof(name));
        }

        var column = new ColumnBuilder(name, type);
        _columns.Add(column);
        return column;
    }

    /// <summary>A primary key over several columns.</summary>
    public TableBuilder PrimaryKey(string name, params string[] columns)
    {
        _primaryKey = new PrimaryKeyConstraint(name, columns);
        return this;
    }

    /// <summary>A unique constraint over several columns.</summary>
    public TableBuilder Unique(string name, params string[] columns)
    {
        _constraints.Add(new UniqueConstraint(name, columns));
        return this;
    }

    /// <summary>A foreign key over several columns.</summary>
    public TableBuilder ForeignKey(string name, string[] columns, string principalTable, string[] principalColumns,
        ReferentialAction onDelete = ReferentialAction.NoAction, ReferentialAction onUpdate = ReferentialAction.NoAction)
    {
        _constraints.Add(new ForeignKeyConstraint(name, columns, new ForeignKeyReference(principalTable, principalColumns, onDelete, onUpdate)));
        return this;
    }

    /// <summary>A table CHECK constraint.</summary>
    public TableBuilder Check(string name, string expression)
    {
        _constraints.Add(new CheckConstraint(name, expression));
        return this;
    }

    internal CreateTableOperation Build()
    {
        if (_columns.Count == 0)
        {
            throw new ArgumentException($"table {_table} has no columns");
        }

        var keyColumns = _columns.Where(c => c.IsPrimaryKey).Select(c => c.Name).ToList();
        if (keyColumns.Count > 0 && _primaryKey is not null)
        {
            throw new ArgumentException($"table {_table} declares its primary key twice (on columns and with PrimaryKey(...))");
        }

        var constraints = new List<TableConstraint>();
        if (_primaryKey is not null || keyColumns.Count > 0)
        {
            constraints.Add(_primaryKey ?? new PrimaryKeyConstraint($"pk_{_table}", keyColumns));
        }

        constraints.AddRange(_columns.SelectMany(c => c.Constraints(_table)));
        constraints.AddRange(_constraints);
        var keyed = constraints.OfType<PrimaryKeyConstraint>().SelectMany(k => k.Columns).ToHashSet(StringComparer.Ordinal);
        var columns = _columns.Select(c => c.Definition() with { Nullable = c.IsNullable && !keyed.Contains(c.Name) }).ToList();
        return new CreateTableOperation { Name = _table, Columns = columns, Constraints = constraints };
    }
}
