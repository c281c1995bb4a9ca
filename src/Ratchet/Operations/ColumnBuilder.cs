namespace Ratchet.Operations;

/// <summary>Describes a column: nullability, default, and the constraints it takes part in.</summary>
public sealed class ColumnBuilder
{
    internal ColumnBuilder(string name, SqlType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(type);
        Name = name;
        Type = type;
    }

    internal string Name { get; }

    internal SqlType Type { get; }

    internal bool IsNullable { get; private set; } = true;

    internal DefaultValue? DefaultValue { get; private set; }

    internal bool IsPrimaryKey { get; private set; }

    internal bool IsUnique { get; private set; }

    internal ForeignKeyReference? Reference { get; private set; }

    internal string? CheckExpression { get; private set; }

    /// <summary>Part of the primary key (which makes it NOT NULL).</summary>
    public ColumnBuilder PrimaryKey()
    {
        IsPrimaryKey = true;
        IsNullable = false;
        return this;
    }

    /// <summary>NOT NULL.</summary>
    public ColumnBuilder NotNull()
    {
        IsNullable = false;
        return this;
    }

    /// <summary>NULL allowed (the default).</summary>
    public ColumnBuilder Nullable()
    {
        IsNullable = true;
        return this;
    }

    /// <summary>A default value: a literal (string, number, boolean) or <see cref="Sql.Now"/> / <see cref="Sql.Raw"/>.</summary>
    public ColumnBuilder Default(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        DefaultValue = value as DefaultValue ?? new LiteralDefault(value);
        return this;
    }

    /// <summary>Values must be unique (a constraint named <c>uq_table_column</c>).</summary>
    public ColumnBuilder Unique()
    {
        IsUnique = true;
        return this;
    }

    /// <summary>A foreign key to <paramref name="table"/>(<paramref name="column"/>) (named <c>fk_table_column</c>).</summary>
    public ColumnBuilder References(string table, string column, ReferentialAction onDelete = ReferentialAction.NoAction,
        ReferentialAction onUpdate = ReferentialAction.NoAction)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(column);
        Reference = new ForeignKeyReference(table, [column], onDelete, onUpdate);
        return this;
    }

    /// <summary>A CHECK on the column (named <c>ck_table_column</c>).</summary>
    public ColumnBuilder Check(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        CheckExpression = expression;
        return this;
    }

    internal ColumnDefinition Definition() => new() { Name = Name, Type = Type, Nullable = IsNullable, Default = DefaultValue };

    /// <summary>The constraints this column declares, named after <paramref name="table"/>.</summary>
    internal IEnumerable<TableConstraint> Constraints(string table)
    {
        if (IsUnique)
        {
            yield return new UniqueConstraint($"uq_{table}_{Name}", [Name]);
        }

        if (Reference is not null)
        {
            yield return new ForeignKeyConstraint($"fk_{table}_{Name}", [Name], Reference);
        }

        if (CheckExpression is not null)
        {
            yield return new CheckConstraint($"ck_{table}_{Name}", CheckExpression);
        }
    }
}
