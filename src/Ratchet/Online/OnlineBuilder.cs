using Ratchet.Operations;

namespace Ratchet.Online;

/// <summary>Collects the operations of an <see cref="OnlineMigration"/>.</summary>
public sealed class OnlineBuilder
{
    private readonly List<OnlineOperation> _operations = [];

    /// <summary>The operations added so far.</summary>
    public IReadOnlyList<OnlineOperation> Operations => _operations;

    /// <summary>Adds any online operation.</summary>
    public OnlineBuilder Add(OnlineOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        _operations.Add(operation);
        return this;
    }

    /// <summary>Adds a column; a NOT NULL one without a constant default needs <paramref name="backfill"/> (SQL over the row) for the rows that exist.</summary>
    public OnlineBuilder AddColumn(string table, string name, SqlType type, bool nullable = true, DefaultValue? defaultValue = null, string? backfill = null) =>
        Add(new AddColumnOnline
        {
            TableName = table, Column = new ColumnDefinition { Name = name, Type = type, Nullable = nullable, Default = defaultValue }, Backfill = backfill,
        });

    /// <summary>Changes a column's type: <paramref name="usingSql"/> computes the new value from the old (default: a cast), <paramref name="downUsing"/> the old from the new.</summary>
    public OnlineBuilder ChangeColumnType(string table, string column, SqlType type, string? usingSql = null, string? downUsing = null) =>
        Add(new ChangeColumnTypeOnline { TableName = table, Column = column, Type = type, Using = usingSql, DownUsing = downUsing });

    /// <summary>Renames a column (new code sees the new name through the version schema until complete).</summary>
    public OnlineBuilder RenameColumn(string table, string column, string newName) =>
        Add(new RenameColumnOnline { TableName = table, Column = column, NewName = newName });

    /// <summary>Splits a column into new ones, each computed from the row; <paramref name="downUsing"/> joins them back for old code.</summary>
    public OnlineBuilder SplitColumn(string table, string column, string downUsing, params SplitTarget[] into) =>
        Add(new SplitColumnOnline { TableName = table, Column = column, Into = into, DownUsing = downUsing });

    /// <summary>Makes a column NOT NULL through a validated check; <paramref name="backfill"/> fills the NULLs first, if given.</summary>
    public OnlineBuilder SetNotNull(string table, string column, string? backfill = null) =>
        Add(new SetNotNullOnline { TableName = table, Column = column, Backfill = backfill });

    /// <summary>Adds a foreign key NOT VALID at start and validates it at complete.</summary>
    public OnlineBuilder AddForeignKey(string table, string name, string[] columns, string principalTable, string[] principalColumns,
        ReferentialAction onDelete = ReferentialAction.NoAction, ReferentialAction onUpdate = ReferentialAction.NoAction) =>
        Add(new AddForeignKeyOnline
        {
            TableName = table, Name = name, Columns = columns, PrincipalTable = principalTable, PrincipalColumns = principalColumns, OnDelete = onDelete, OnUpdate = onUpdate,
        });

    /// <summary>Adds a unique constraint from an index built concurrently.</summary>
    public OnlineBuilder AddUnique(string table, string name, params string[] columns) => Add(new AddUniqueOnline { TableName = table, Name = name, Columns = columns });

    /// <summary>Adds a check NOT VALID at start and validates it at complete.</summary>
    public OnlineBuilder AddCheck(string table, string name, string expression) => Add(new AddCheckOnline { TableName = table, Name = name, Expression = expression });

    /// <summary>Builds an index concurrently.</summary>
    public OnlineBuilder CreateIndex(string table, string name, string[] columns, bool unique = false, string? where = null, string? method = null) =>
        Add(new CreateIndexOnline { TableName = table, Name = name, Columns = columns, Unique = unique, Where = where, Method = method });

    /// <summary>Drops an index concurrently, at complete (old code may still use it until then).</summary>
    public OnlineBuilder DropIndex(string name) => Add(new DropIndexOnline { Name = name });

    /// <summary>Drops a column at complete; new code stops seeing it at start. <paramref name="downUsing"/> fills it for rows new code writes, when it is NOT NULL.</summary>
    public OnlineBuilder DropColumn(string table, string column, string? downUsing = null) =>
        Add(new DropColumnOnline { TableName = table, Column = column, DownUsing = downUsing });

    /// <summary>Creates an enum type (before the operations that use it).</summary>
    public OnlineBuilder CreateEnum(string name, params string[] values) => Add(new CreateEnumOnline { Name = name, Values = values });
}
