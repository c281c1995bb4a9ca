using Ratchet.Operations;
using Ratchet.Revisions;

namespace Ratchet.PostgreSql;

/// <summary>The PostgreSQL SQL of each typed operation: one exhaustive switch, identifiers quoted by the dialect.</summary>
internal static class PostgresSqlGenerator
{
    public static IReadOnlyList<SqlStatement> Generate(PostgresDialect d, MigrationOperation operation) => operation switch
    {
        CreateTableOperation o => [S(CreateTable(d, o))],
        DropTableOperation o => [S($"DROP TABLE {d.QuoteIdentifier(o.Name)}")],
        RenameTableOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Name)} RENAME TO {d.QuoteIdentifier(o.NewName)}")],
        AddColumnOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} ADD COLUMN {Column(d, o.Column)}")],
        DropColumnOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} DROP COLUMN {d.QuoteIdentifier(o.Name)}")],
        AlterColumnOperation o => [S(AlterColumn(d, o))],
        RenameColumnOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} RENAME COLUMN {d.QuoteIdentifier(o.Name)} TO {d.QuoteIdentifier(o.NewName)}")],
        CreateIndexOperation o => [S(CreateIndex(d, o))],
        DropIndexOperation o => [S($"DROP INDEX {(o.Concurrently ? "CONCURRENTLY " : "")}{d.QuoteIdentifier(o.Name)}")],
        AddConstraintOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} ADD {Constraint(d, o.Constraint)}{(o.NotValid ? " NOT VALID" : "")}")],
        DropConstraintOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} DROP CONSTRAINT {d.QuoteIdentifier(o.Name)}")],
        ValidateConstraintOperation o => [S($"ALTER TABLE {d.QuoteIdentifier(o.Table)} VALIDATE CONSTRAINT {d.QuoteIdentifier(o.Name)}")],
        CreateEnumOperation o => [S($"CREATE TYPE {d.QuoteIdentifier(o.Name)} AS ENUM ({string.Join(", ", o.Values.Select(d.StringLiteral))})")],
        AddEnumValueOperation o => [S($"ALTER TYPE {d.QuoteIdentifier(o.Enum)} ADD VALUE {d.StringLiteral(o.Value)}{(o.Before is null ? "" : $" BEFORE {d.StringLiteral(o.Before)}")}")],
        DropEnumOperation o => [S($"DROP TYPE {d.QuoteIdentifier(o.Name)}")],
        UpdateOperation o => [S(Update(d, o))],
        SqlOperation o => o.Statements().Select(S).ToList(),
        RebuildTableOperation o => throw new NotSupportedException(
            $"PostgreSQL alters {o.Table} in place; a table rebuild is SQLite's way (use AlterColumn, AddConstraint and DropConstraint)"),
        _ => throw new NotSupportedException($"no PostgreSQL SQL for {operation.GetType().Name}"),
    };

    /// <summary>The PostgreSQL spelling of a portable type.</summary>
    public static string Type(PostgresDialect d, SqlType type) => type.Kind switch
    {
        SqlTypeKind.Int => "integer",
        SqlTypeKind.BigInt => "bigint",
        SqlTypeKind.SmallInt => "smallint",
        SqlTypeKind.String => $"varchar({type.Length})",
        SqlTypeKind.Text => "text",
        SqlTypeKind.Boolean => "boolean",
        SqlTypeKind.DateTime => "timestamptz",
        SqlTypeKind.Date => "date",
        SqlTypeKind.Decimal => $"numeric({type.Precision}, {type.Scale})",
        SqlTypeKind.Double => "double precision",
        SqlTypeKind.Uuid => "uuid",
        SqlTypeKind.Binary => "bytea",
        SqlTypeKind.Json => "jsonb",
        SqlTypeKind.Enum => d.QuoteIdentifier(type.Name!),
        SqlTypeKind.Custom => type.Name!,
        _ => throw new NotSupportedException($"no PostgreSQL type for {type}"),
    };

    private static SqlStatement S(string sql) => new(sql, 0);

    private static string CreateTable(PostgresDialect d, CreateTableOperation o)
    {
        var items = o.Columns.Select(c => Column(d, c)).Concat(o.Constraints.Select(c => Constraint(d, c)));
        return $"CREATE TABLE {d.QuoteIdentifier(o.Name)} (\n    {string.Join(",\n    ", items)}\n)";
    }

    private static string Column(PostgresDialect d, ColumnDefinition c) =>
        $"{d.QuoteIdentifier(c.Name)} {Type(d, c.Type)}{(c.Nullable ? "" : " NOT NULL")}{(c.Default is null ? "" : $" DEFAULT {Default(d, c.Default)}")}";

    /// <summary>The SQL of a default value.</summary>
    public static string DefaultSql(PostgresDialect d, DefaultValue value) => Default(d, value);

    private static string Default(PostgresDialect d, DefaultValue value) => value switch
    {
        NowDefault => "now()",
        ExpressionDefault e => e.Sql,
        LiteralDefault literal => d.Literal(literal.Value),
        _ => throw new NotSupportedException($"no PostgreSQL default for {value}"),
    };

    private static string Constraint(PostgresDialect d, TableConstraint constraint)
    {
        var body = constraint switch
        {
            PrimaryKeyConstraint pk => $"PRIMARY KEY ({d.ColumnList(pk.Columns)})",
            UniqueConstraint u => $"UNIQUE ({d.ColumnList(u.Columns)})",
            ForeignKeyConstraint fk => $"FOREIGN KEY ({d.ColumnList(fk.Columns)}) REFERENCES {d.QuoteIdentifier(fk.References.PrincipalTable)} " +
                $"({d.ColumnList(fk.References.PrincipalColumns)}){Action("DELETE", fk.References.OnDelete)}{Action("UPDATE", fk.References.OnUpdate)}",
            CheckConstraint ck => $"CHECK ({ck.Expression})",
            ExcludeConstraint ex => $"EXCLUDE {ex.Definition}",
            _ => throw new NotSupportedException($"no PostgreSQL constraint for {constraint.GetType().Name}"),
        };
        return $"CONSTRAINT {d.QuoteIdentifier(constraint.Name)} {body}";
    }

    /// <summary>The SQL keyword of a referential action, shared with SQLite's generator.</summary>
    public static string Action(string on, ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction => "",
        ReferentialAction.Restrict => $" ON {on} RESTRICT",
        ReferentialAction.Cascade => $" ON {on} CASCADE",
        ReferentialAction.SetNull => $" ON {on} SET NULL",
        ReferentialAction.SetDefault => $" ON {on} SET DEFAULT",
        _ => throw new NotSupportedException($"unknown referential action {action}"),
    };

    private static string AlterColumn(PostgresDialect d, AlterColumnOperation o)
    {
        var column = $"ALTER COLUMN {d.QuoteIdentifier(o.Name)}";
        var actions = new List<string>();
        if (o.Type is not null)
        {
            actions.Add($"{column} TYPE {Type(d, o.Type)}{(o.Using is null ? "" : $" USING {o.Using}")}");
        }

        if (o.Nullable is { } nullable)
        {
            actions.Add($"{column} {(nullable ? "DROP" : "SET")} NOT NULL");
        }

        if (o.ChangesDefault)
        {
            actions.Add(o.Default is null ? $"{column} DROP DEFAULT" : $"{column} SET DEFAULT {Default(d, o.Default)}");
        }

        return actions.Count > 0
            ? $"ALTER TABLE {d.QuoteIdentifier(o.Table)} {string.Join(", ", actions)}"
            : throw new NotSupportedException($"AlterColumn of {o.Table}.{o.Name} changes nothing");
    }

    private static string Update(PostgresDialect d, UpdateOperation o)
    {
        // A text expression is not assigned to an enum column implicitly in PostgreSQL; cast it.
        var value = o.ColumnType is { Kind: SqlTypeKind.Enum } ? $"CAST(({o.Expression}) AS {Type(d, o.ColumnType)})" : o.Expression;
        return $"UPDATE {d.QuoteIdentifier(o.Table)} SET {d.QuoteIdentifier(o.Column)} = {value}{(o.Where is null ? "" : $" WHERE {o.Where}")}";
    }

    private static string CreateIndex(PostgresDialect d, CreateIndexOperation o) =>
        $"CREATE {(o.Unique ? "UNIQUE " : "")}INDEX {(o.Concurrently ? "CONCURRENTLY " : "")}{d.QuoteIdentifier(o.Name)} ON {d.QuoteIdentifier(o.Table)}" +
        $"{(o.Method is null ? "" : $" USING {o.Method}")} ({d.ColumnList(o.Columns)}){(o.Where is null ? "" : $" WHERE {o.Where}")}";
}
