using Ratchet.Operations;
using Ratchet.Revisions;

namespace Ratchet.Sqlite;

/// <summary>
/// The SQLite SQL of each typed operation: one exhaustive switch. What SQLite cannot ALTER in place becomes a
/// <see cref="SqliteTableRebuild"/>; enum columns become text with a CHECK; a unique constraint added to an existing
/// table becomes a unique index.
/// </summary>
internal static partial class SqliteSqlGenerator
{
    public static IReadOnlyList<SqlStatement> Generate(SqliteDialect d, MigrationOperation operation, EnumCatalog enums) => operation switch
    {
        CreateTableOperation o => [S(CreateTable(d, o, enums))],
        DropTableOperation o => [S($"DROP TABLE {d.QuoteIdentifier(o.Name)}")],
        RenameTableOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Name)} RENAME TO {d.QuoteIdentifier(o.NewName)}")],
        AddColumnOperation o when NeedsRebuild(o.Column) => [Rebuild(o.Table, new AddColumnChange(o.Column.Name, Column(d, o.Column, enums)))],
        AddColumnOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} ADD COLUMN {Column(d, o.Column, enums)}")],
        DropColumnOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} DROP COLUMN {d.QuoteIdentifier(o.Name)}")],
        AlterColumnOperation o => [Rebuild(o.Table, AlterColumn(d, o, enums))],
        RenameColumnOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} RENAME COLUMN {d.QuoteIdentifier(o.Name)} TO {d.QuoteIdentifier(o.NewName)}")],
        CreateIndexOperation { Method: not null } o => throw new NotSupportedException($"index method '{o.Method}' is PostgreSQL's; SQLite has only b-tree indexes"),
        CreateIndexOperation o => [S(CreateIndex(d, o.Name, o.Table, o.Columns, o.Unique, o.Where))],
        DropIndexOperation o => [S($"DROP INDEX {d.QuoteIdentifier(o.Name)}")],
        AddConstraintOperation { Constraint: UniqueConstraint u } o => [S(CreateIndex(d, u.Name, o.Table, u.Columns, unique: true, where: null))],
        AddConstraintOperation o => [Rebuild(o.Table, new AddConstraintChange(o.Constraint.Name, Constraint(d, o.Constraint)))],
        DropConstraintOperation { Definition: UniqueConstraint } o => [S($"DROP INDEX {d.QuoteIdentifier(o.Name)}")],
        DropConstraintOperation o => [Rebuild(o.Table, new DropConstraintChange(o.Name))],

        // SQLite checks a constraint when it is added (the rebuild copies every row): there is nothing left to validate.
        ValidateConstraintOperation => [],

        // SQLite has no enum types: their values live in the CHECK of every column that uses them.
        CreateEnumOperation or DropEnumOperation => [],
        AddEnumValueOperation o => throw new NotSupportedException(
            $"adding '{o.Value}' to enum {o.Enum} means rebuilding every table with a column of it on SQLite; write that migration in SQL, or use a lookup table"),
        UpdateOperation o => [S($"UPDATE {d.QuoteIdentifier(o.Table)} SET {d.QuoteIdentifier(o.Column)} = {o.Expression}{(o.Where is null ? "" : $" WHERE {o.Where}")}")],
        SqlOperation o => o.Statements().Select(S).ToList(),
        RebuildTableOperation o => RebuildTable(d, o),
        _ => throw new NotSupportedException($"no SQLite SQL for {operation.GetType().Name}"),
    };

    /// <summary>The SQLite spelling of a portable type (SQLite types are affinities; an enum is TEXT plus a CHECK).</summary>
    public static string Type(SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int or SqlTypeKind.BigInt or SqlTypeKind.SmallInt or SqlTypeKind.Boolean => "INTEGER",
        SqlTypeKind.String or SqlTypeKind.Text or SqlTypeKind.DateTime or SqlTypeKind.Date or SqlTypeKind.Uuid or SqlTypeKind.Json or SqlTypeKind.Enum => "TEXT",
        SqlTypeKind.Decimal => "TEXT",
        SqlTypeKind.Double => "REAL",
        SqlTypeKind.Binary => "BLOB",
        SqlTypeKind.Custom => type.Name!,
        _ => throw new NotSupportedException($"no SQLite type for {type}"),
    };

    private static SqlStatement S(string sql) => new(sql, 0);

    /// <summary>
    /// SQLite's procedure written out as statements: foreign keys off (Ratchet runs the revision with them off and checks
    /// them all before the commit), the new table under a staging name, the rows copied, the old table dropped, the new
    /// one renamed with <c>legacy_alter_table</c> on (views and triggers naming the table are left as they are).
    /// </summary>
    private static List<SqlStatement> RebuildTable(SqliteDialect d, RebuildTableOperation o)
    {
        var stagingName = $"ratchet_new_{o.Table}";
        var staging = d.QuoteIdentifier(stagingName);
        var table = d.QuoteIdentifier(o.Table);
        var statements = new List<SqlStatement> { S("PRAGMA foreign_keys = OFF"), S(SqliteTableDefinition.Parse(o.Definition).Render(staging)) };
        if (o.CopyColumns.Count > 0)
        {
            var columns = d.ColumnList(o.CopyColumns);
            statements.Add(S($"INSERT INTO {staging} ({columns}) SELECT {columns} FROM {table}"));
        }

        if (Autoincrement().IsMatch(o.Definition))
        {
            // AUTOINCREMENT never reuses an id: the new table's counter starts where the old one's was (the rename carries it).
            var (old, fresh) = (d.StringLiteral(o.Table), d.StringLiteral(stagingName));
            statements.Add(S($"UPDATE sqlite_sequence SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN ({old}, {fresh})) WHERE name = {fresh}"));
            statements.Add(S($"INSERT INTO sqlite_sequence (name, seq) SELECT {fresh}, seq FROM sqlite_sequence " +
                $"WHERE name = {old} AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = {fresh})"));
        }

        statements.Add(S($"DROP TABLE {table}"));
        statements.Add(S("PRAGMA legacy_alter_table = ON"));
        statements.Add(S($"ALTER TABLE {staging} RENAME TO {table}"));
        statements.Add(S("PRAGMA legacy_alter_table = OFF"));
        return statements;
    }

    private static SqlStatement Rebuild(string table, SqliteTableChange change)
    {
        var rebuild = new SqliteTableRebuild(table, change);
        return new SqlStatement($"/* {rebuild.Describe()} */", 0) { Procedure = rebuild };
    }

    private static bool NeedsRebuild(ColumnDefinition column) =>
        (!column.Nullable && column.Default is null) || column.Default is NowDefault or ExpressionDefault;

    private static string CreateTable(SqliteDialect d, CreateTableOperation o, EnumCatalog enums)
    {
        var items = o.Columns.Select(c => Column(d, c, enums)).Concat(o.Constraints.Select(c => Constraint(d, c)));
        return $"CREATE TABLE {d.QuoteIdentifier(o.Name)} (\n    {string.Join(",\n    ", items)}\n)";
    }

    private static string Column(SqliteDialect d, ColumnDefinition c, EnumCatalog enums) =>
        $"{d.QuoteIdentifier(c.Name)} {Type(c.Type)}{EnumCheck(d, c.Name, c.Type, enums)}{(c.Nullable ? "" : " NOT NULL")}" +
        (c.Default is null ? "" : $" DEFAULT {Default(d, c.Default)}");

    private static string EnumCheck(SqliteDialect d, string column, SqlType type, EnumCatalog enums) =>
        type.Kind == SqlTypeKind.Enum
            ? $" CHECK ({d.QuoteIdentifier(column)} IN ({string.Join(", ", enums.ValuesOf(type).Select(d.StringLiteral))}))"
            : "";

    private static string Default(SqliteDialect d, DefaultValue value) => value switch
    {
        NowDefault => "CURRENT_TIMESTAMP",
        ExpressionDefault e => $"({e.Sql})",
        LiteralDefault literal => d.Literal(literal.Value),
        _ => throw new NotSupportedException($"no SQLite default for {value}"),
    };

    private static string Constraint(SqliteDialect d, TableConstraint constraint)
    {
        var body = constraint switch
        {
            PrimaryKeyConstraint pk => $"PRIMARY KEY ({d.ColumnList(pk.Columns)})",
            UniqueConstraint u => $"UNIQUE ({d.ColumnList(u.Columns)})",
            ForeignKeyConstraint fk => $"FOREIGN KEY ({d.ColumnList(fk.Columns)}) REFERENCES {d.QuoteIdentifier(fk.References.PrincipalTable)} " +
                $"({d.ColumnList(fk.References.PrincipalColumns)}){Action("DELETE", fk.References.OnDelete)}{Action("UPDATE", fk.References.OnUpdate)}",
            CheckConstraint ck => $"CHECK ({ck.Expression})",
            _ => throw new NotSupportedException($"no SQLite constraint for {constraint.GetType().Name}"),
        };
        return $"CONSTRAINT {d.QuoteIdentifier(constraint.Name)} {body}";
    }

    private static string Action(string on, ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction => "",
        ReferentialAction.Restrict => $" ON {on} RESTRICT",
        ReferentialAction.Cascade => $" ON {on} CASCADE",
        ReferentialAction.SetNull => $" ON {on} SET NULL",
        ReferentialAction.SetDefault => $" ON {on} SET DEFAULT",
        _ => throw new NotSupportedException($"unknown referential action {action}"),
    };

    private static AlterColumnChange AlterColumn(SqliteDialect d, AlterColumnOperation o, EnumCatalog enums) => new(
        o.Name,
        o.Type is null ? null : Type(o.Type),
        o.Type is null ? null : NullIfEmpty(EnumCheck(d, o.Name, o.Type, enums).Trim()),
        o.Nullable,
        o.ChangesDefault,
        o.Default is null ? null : Default(d, o.Default));

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string CreateIndex(SqliteDialect d, string name, string table, IReadOnlyList<string> columns, bool unique, string? where) =>
        $"CREATE {(unique ? "UNIQUE " : "")}INDEX {d.QuoteIdentifier(name)} ON {d.QuoteIdentifier(table)} ({d.ColumnList(columns)})" +
        (where is null ? "" : $" WHERE {where}");

    [System.Text.RegularExpressions.GeneratedRegex(@"\bAUTOINCREMENT\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Autoincrement();
}
