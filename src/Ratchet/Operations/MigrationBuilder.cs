namespace Ratchet.Operations;

/// <summary>
/// Collects the operations of one direction of a C# migration, in order. Every method returns the builder, so
/// calls chain; none touches a database.
/// </summary>
public sealed class MigrationBuilder
{
    private readonly List<MigrationOperation> _operations = [];

    /// <summary>The operations so far.</summary>
    public IReadOnlyList<MigrationOperation> Operations => _operations;

    /// <summary>Set when <see cref="Migration.Down"/> was not overridden: Ratchet derives the down from the up.</summary>
    internal bool DeriveRequested { get; private set; }

    /// <summary>Adds an operation as it is.</summary>
    public MigrationBuilder Add(MigrationOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _operations.Add(operation);
        return this;
    }

    /// <summary>CREATE TABLE.</summary>
    public MigrationBuilder CreateTable(string name, Action<TableBuilder> build)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(build);
        var table = new TableBuilder(name);
        build(table);
        return Add(table.Build());
    }

    /// <summary>DROP TABLE (irreversible: the table's definition is not known).</summary>
    public MigrationBuilder DropTable(string name) => Add(new DropTableOperation { Name = name });

    /// <summary>DROP TABLE of a table defined by <paramref name="definition"/>, so the drop can be undone.</summary>
    public MigrationBuilder DropTable(string name, Action<TableBuilder> definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var table = new TableBuilder(name);
        definition(table);
        return Add(new DropTableOperation { Name = name, Definition = table.Build() });
    }

    /// <summary>RENAME a table.</summary>
    public MigrationBuilder RenameTable(string name, string newName) => Add(new RenameTableOperation { Name = name, NewName = newName });

    /// <summary>ADD COLUMN; constraints declared on the column are added after it.</summary>
    public MigrationBuilder AddColumn(string table, string column, SqlType type, Action<ColumnBuilder>? configure = null)
    {
        var builder = new ColumnBuilder(column, type);
        configure?.Invoke(builder);
        Add(new AddColumnOperation { Table = table, Column = builder.Definition() });
        if (builder.IsPrimaryKey)
        {
            Add(new AddConstraintOperation { Table = table, Constraint = new PrimaryKeyConstraint($"pk_{table}", [column]) });
        }

        foreach (var constraint in builder.Constraints(table))
        {
            Add(new AddConstraintOperation { Table = table, Constraint = constraint });
        }

        return this;
    }

    /// <summary>DROP COLUMN; give the column's <paramref name="type"/> (and nullability, default) so the drop can be undone.</summary>
    public MigrationBuilder DropColumn(string table, string column, SqlType? type = null, Action<ColumnBuilder>? definition = null)
    {
        ColumnDefinition? was = null;
        if (type is not null)
        {
            var builder = new ColumnBuilder(column, type);
            definition?.Invoke(builder);
            was = builder.Definition();
        }

        return Add(new DropColumnOperation { Table = table, Name = column, Definition = was });
    }

    /// <summary>ALTER COLUMN: type, nullability, default.</summary>
    public MigrationBuilder AlterColumn(string table, string column, Action<AlterColumnBuilder> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var builder = new AlterColumnBuilder(table, column);
        change(builder);
        return Add(builder.Operation);
    }

    /// <summary>RENAME COLUMN.</summary>
    public MigrationBuilder RenameColumn(string table, string column, string newName) =>
        Add(new RenameColumnOperation { Table = table, Name = column, NewName = newName });

    /// <summary>CREATE INDEX.</summary>
    public MigrationBuilder CreateIndex(string name, string table, params string[] columns) =>
        Add(new CreateIndexOperation { Name = name, Table = table, Columns = columns });

    /// <summary>CREATE INDEX with every option.</summary>
    public MigrationBuilder CreateIndex(string name, string table, string[] columns, bool unique = false, string? where = null, string? method = null,
        bool concurrently = false) =>
        Add(new CreateIndexOperation { Name = name, Table = table, Columns = columns, Unique = unique, Where = where, Method = method, Concurrently = concurrently });

    /// <summary>CREATE UNIQUE INDEX.</summary>
    public MigrationBuilder CreateUniqueIndex(string name, string table, params string[] columns) =>
        Add(new CreateIndexOperation { Name = name, Table = table, Columns = columns, Unique = true });

    /// <summary>DROP INDEX (irreversible: the index's definition is not known).</summary>
    public MigrationBuilder DropIndex(string name, string? table = null, bool concurrently = false) =>
        Add(new DropIndexOperation { Name = name, Table = table, Concurrently = concurrently });

    /// <summary>ADD PRIMARY KEY.</summary>
    public MigrationBuilder AddPrimaryKey(string name, string table, params string[] columns) =>
        Add(new AddConstraintOperation { Table = table, Constraint = new PrimaryKeyConstraint(name, columns) });

    /// <summary>ADD CONSTRAINT ... UNIQUE.</summary>
    public MigrationBuilder CreateUniqueConstraint(string name, string table, params string[] columns) =>
        Add(new AddConstraintOperation { Table = table, Constraint = new UniqueConstraint(name, columns) });

    /// <summary>ADD CONSTRAINT ... FOREIGN KEY; <paramref name="notValid"/> skips checking existing rows (PostgreSQL).</summary>
    public MigrationBuilder AddForeignKey(string name, string table, string[] columns, string principalTable, string[] principalColumns,
        ReferentialAction onDelete = ReferentialAction.NoAction, ReferentialAction onUpdate = ReferentialAction.NoAction, bool notValid = false) =>
        Add(new AddConstraintOperation
        {
            Table = table,
            Constraint = new ForeignKeyConstraint(name, columns, new ForeignKeyReference(principalTable, principalColumns, onDelete, onUpdate)),
            NotValid = notValid,
        });

    /// <summary>ADD CONSTRAINT ... CHECK; <paramref name="notValid"/> skips checking existing rows (PostgreSQL).</summary>
    public MigrationBuilder AddCheckConstraint(string name, string table, string expression, bool notValid = false) =>
        Add(new AddConstraintOperation { Table = table, Constraint = new CheckConstraint(name, expression), NotValid = notValid });

    /// <summary>DROP CONSTRAINT (irreversible: the constraint's definition is not known).</summary>
    public MigrationBuilder DropConstraint(string name, string table) => Add(new DropConstraintOperation { Table = table, Name = name });

    /// <summary>CREATE TYPE ... AS ENUM (on SQLite, columns of the type get a CHECK instead).</summary>
    public MigrationBuilder CreateEnum(string name, params string[] values) => Add(new CreateEnumOperation { Name = name, Values = values });

    /// <summary>ALTER TYPE ... ADD VALUE.</summary>
    public MigrationBuilder AddEnumValue(string enumName, string value, string? before = null) =>
        Add(new AddEnumValueOperation { Enum = enumName, Value = value, Before = before });

    /// <summary>DROP TYPE; give its <paramref name="values"/> so the drop can be undone.</summary>
    public MigrationBuilder DropEnum(string name, params string[] values) =>
        Add(new DropEnumOperation { Name = name, Values = values.Length == 0 ? null : values });

    /// <summary>
    /// UPDATE <paramref name="table"/> SET <paramref name="column"/> = <paramref name="expression"/> [WHERE <paramref name="where"/>].
    /// The column's type is taken from an AddColumn earlier in this migration unless <paramref name="type"/> gives it.
    /// </summary>
    public MigrationBuilder Update(string table, string column, string expression, string? where = null, SqlType? type = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var added = _operations.OfType<AddColumnOperation>().LastOrDefault(a => a.Table == table && a.Column.Name == column);
        return Add(new UpdateOperation { Table = table, Column = column, Expression = expression, Where = where, ColumnType = type ?? added?.Column.Type });
    }

    /// <summary>SQL written by hand; with <paramref name="down"/> it can be undone.</summary>
    public MigrationBuilder Sql(string sql, string? down = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        return Add(new SqlOperation { Sql = sql, Down = down });
    }

    /// <summary>Marks this builder's direction as derived from the up (what <see cref="Migration.Down"/> does by default).</summary>
    public void DeriveFromUp() => DeriveRequested = true;
}
