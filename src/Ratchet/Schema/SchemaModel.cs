namespace Ratchet.Schema;

/// <summary>
/// A database's schema as Ratchet compares it: tables (columns, keys, indexes, constraints), enums, views, sequences
/// and triggers, in name order. Each engine reads its catalogs into it; Ratchet's own tables are left out.
/// </summary>
public sealed record SchemaModel
{
    /// <summary>The tables.</summary>
    public IReadOnlyList<TableModel> Tables { get; init; } = [];

    /// <summary>Enum types (PostgreSQL).</summary>
    public IReadOnlyList<EnumModel> Enums { get; init; } = [];

    /// <summary>Views.</summary>
    public IReadOnlyList<ViewModel> Views { get; init; } = [];

    /// <summary>Sequences not owned by a column (PostgreSQL).</summary>
    public IReadOnlyList<SequenceModel> Sequences { get; init; } = [];

    /// <summary>Triggers.</summary>
    public IReadOnlyList<TriggerModel> Triggers { get; init; } = [];

    /// <summary>Functions and procedures (PostgreSQL), which triggers and defaults call.</summary>
    public IReadOnlyList<FunctionModel> Functions { get; init; } = [];

    /// <summary>The table of that name, if any.</summary>
    public TableModel? Table(string name) => Tables.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A table.</summary>
public sealed record TableModel
{
    /// <summary>The table name.</summary>
    public required string Name { get; init; }

    /// <summary>Columns in their order.</summary>
    public IReadOnlyList<ColumnModel> Columns { get; init; } = [];

    /// <summary>The primary key, if any.</summary>
    public KeyModel? PrimaryKey { get; init; }

    /// <summary>Unique constraints (not the indexes behind them), by columns.</summary>
    public IReadOnlyList<KeyModel> UniqueConstraints { get; init; } = [];

    /// <summary>Foreign keys.</summary>
    public IReadOnlyList<ForeignKeyModel> ForeignKeys { get; init; } = [];

    /// <summary>Check constraints.</summary>
    public IReadOnlyList<CheckModel> Checks { get; init; } = [];

    /// <summary>Indexes that are not the implementation of a key or unique constraint.</summary>
    public IReadOnlyList<IndexModel> Indexes { get; init; } = [];

    /// <summary>The table's comment.</summary>
    public string? Comment { get; init; }

    /// <summary>
    /// The CREATE TABLE statement as the engine keeps it (SQLite), which a rebuild to this table uses word for word. Not
    /// compared: the parts above are.
    /// </summary>
    public string? Definition { get; init; }

    /// <summary>The column of that name, if any.</summary>
    public ColumnModel? Column(string name) => Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A column. <see cref="Type"/> and <see cref="Default"/> are normalized by the engine's reader.</summary>
public sealed record ColumnModel
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The type as the engine spells it canonically (<c>integer</c>, <c>character varying(50)</c>, <c>TEXT</c>).</summary>
    public required string Type { get; init; }

    /// <summary>Whether NULL is allowed.</summary>
    public bool Nullable { get; init; } = true;

    /// <summary>The default expression, if any.</summary>
    public string? Default { get; init; }

    /// <summary>
    /// How values are numbered: <c>always</c> or <c>by default</c> (identity columns), <c>serial</c> (PostgreSQL: a
    /// <c>nextval</c> default of a sequence the column owns), <c>autoincrement</c> (SQLite).
    /// </summary>
    public string? Identity { get; init; }

    /// <summary>The expression of a generated column.</summary>
    public string? Generated { get; init; }

    /// <summary>The column's comment.</summary>
    public string? Comment { get; init; }
}

/// <summary>A primary key or unique constraint: its name (when the engine reports one) and columns.</summary>
public sealed record KeyModel(string? Name, IReadOnlyList<string> Columns);

/// <summary>A foreign key.</summary>
public sealed record ForeignKeyModel
{
    /// <summary>The name, when the engine reports one.</summary>
    public string? Name { get; init; }

    /// <summary>The referencing columns.</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>The referenced table.</summary>
    public required string PrincipalTable { get; init; }

    /// <summary>The referenced columns.</summary>
    public required IReadOnlyList<string> PrincipalColumns { get; init; }

    /// <summary>ON DELETE action (<c>NO ACTION</c>, <c>CASCADE</c>, ...).</summary>
    public string OnDelete { get; init; } = "NO ACTION";

    /// <summary>ON UPDATE action.</summary>
    public string OnUpdate { get; init; } = "NO ACTION";

    /// <summary>False when added NOT VALID and not yet validated.</summary>
    public bool Validated { get; init; } = true;
}

/// <summary>A check constraint.</summary>
public sealed record CheckModel(string? Name, string Expression)
{
    /// <summary>False when added NOT VALID and not yet validated.</summary>
    public bool Validated { get; init; } = true;
}

/// <summary>An index.</summary>
public sealed record IndexModel
{
    /// <summary>The name.</summary>
    public required string Name { get; init; }

    /// <summary>The indexed columns or expressions, in order (an expression in parentheses).</summary>
    public required IReadOnlyList<string> Columns { get; init; }

    /// <summary>Whether values are unique.</summary>
    public bool Unique { get; init; }

    /// <summary>The predicate of a partial index.</summary>
    public string? Where { get; init; }

    /// <summary>The access method when it is not the default (<c>gin</c>, <c>hash</c>).</summary>
    public string? Method { get; init; }

    /// <summary>False while a concurrent build is unfinished or after it failed (PostgreSQL).</summary>
    public bool Valid { get; init; } = true;
}

/// <summary>An enum type.</summary>
public sealed record EnumModel(string Name, IReadOnlyList<string> Values);

/// <summary>A view and its definition.</summary>
public sealed record ViewModel(string Name, string Definition);

/// <summary>A sequence.</summary>
public sealed record SequenceModel(string Name);

/// <summary>A function or procedure: its signature (<c>touch_updated_at()</c>) and its CREATE OR REPLACE statement.</summary>
public sealed record FunctionModel(string Name, string Definition);

/// <summary>A trigger on a table.</summary>
public sealed record TriggerModel(string Name, string Table, string Definition);
