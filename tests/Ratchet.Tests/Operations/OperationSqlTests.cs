using Ratchet.Engines;
using Ratchet.Operations;
using Ratchet.PostgreSql;
using Ratchet.Sqlite;
using Xunit;

namespace Ratchet.Tests.Operations;

/// <summary>The exact SQL of every operation on every dialect, with no database.</summary>
public sealed class OperationSqlTests
{
    private static readonly EnumCatalog Enums = CatalogWithStatus();

    private static EnumCatalog CatalogWithStatus()
    {
        var catalog = new EnumCatalog();
        catalog.Define("user_status", ["active", "inactive"]);
        return catalog;
    }

    private static string Pg(MigrationOperation operation) => string.Join(";\n", PostgresDialect.Instance.Generate(operation, Enums).Select(s => s.Sql));

    private static string Lite(MigrationOperation operation) => string.Join(";\n", SqliteDialect.Instance.Generate(operation, Enums).Select(s => s.Sql));

    private static MigrationOperation Only(Action<MigrationBuilder> build)
    {
        var builder = new MigrationBuilder();
        build(builder);
        return Assert.Single(builder.Operations);
    }

    private static readonly MigrationOperation UserRoles = Only(op => op.CreateTable("user_roles", t =>
    {
        t.Column("id", SqlType.Int).PrimaryKey();
        t.Column("user_id", SqlType.Int).NotNull().References("users", "id", onDelete: ReferentialAction.Cascade);
        t.Column("role", SqlType.String(50)).NotNull().Default("member");
        t.Column("status", SqlType.Enum("user_status"));
        t.Column("created_at", SqlType.DateTime).NotNull().Default(Sql.Now);
    }));

    [Fact]
    public void Create_table()
    {
        Assert.Equal("""
            CREATE TABLE "user_roles" (
                "id" integer NOT NULL,
                "user_id" integer NOT NULL,
                "role" varchar(50) NOT NULL DEFAULT 'member',
                "status" "user_status",
                "created_at" timestamptz NOT NULL DEFAULT now(),
                CONSTRAINT "pk_user_roles" PRIMARY KEY ("id"),
                CONSTRAINT "fk_user_roles_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
            )
            """, Pg(UserRoles));
        Assert.Equal("""
            CREATE TABLE "user_roles" (
                "id" INTEGER NOT NULL,
                "user_id" INTEGER NOT NULL,
                "role" TEXT NOT NULL DEFAULT 'member',
                "status" TEXT CHECK ("status" IN ('active', 'inactive')),
                "created_at" TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,
                CONSTRAINT "pk_user_roles" PRIMARY KEY ("id"),
                CONSTRAINT "fk_user_roles_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
            )
            """, Lite(UserRoles));
    }

    [Theory]
    [InlineData("drop table", "DROP TABLE \"t\"", "DROP TABLE \"t\"")]
    [InlineData("rename table", "ALTER TABLE \"t\" RENAME TO \"u\"", "ALTER TABLE \"t\" RENAME TO \"u\"")]
    [InlineData("add column", "ALTER TABLE \"t\" ADD COLUMN \"flag\" boolean NOT NULL DEFAULT false", "ALTER TABLE \"t\" ADD COLUMN \"flag\" INTEGER NOT NULL DEFAULT 0")]
    [InlineData("drop column", "ALTER TABLE \"t\" DROP COLUMN \"c\"", "ALTER TABLE \"t\" DROP COLUMN \"c\"")]
    [InlineData("rename column", "ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"b\"", "ALTER TABLE \"t\" RENAME COLUMN \"a\" TO \"b\"")]
    [InlineData("create index", "CREATE INDEX \"ix\" ON \"t\" (\"a\", (lower(b))) WHERE a > 0", "CREATE INDEX \"ix\" ON \"t\" (\"a\", (lower(b))) WHERE a > 0")]
    [InlineData("create unique index", "CREATE UNIQUE INDEX \"ux\" ON \"t\" (\"a\")", "CREATE UNIQUE INDEX \"ux\" ON \"t\" (\"a\")")]
    [InlineData("drop index", "DROP INDEX \"ix\"", "DROP INDEX \"ix\"")]
    [InlineData("unique constraint", "ALTER TABLE \"t\" ADD CONSTRAINT \"uq\" UNIQUE (\"a\", \"b\")", "CREATE UNIQUE INDEX \"uq\" ON \"t\" (\"a\", \"b\")")]
    [InlineData("drop unique constraint", "ALTER TABLE \"t\" DROP CONSTRAINT \"uq\"", "DROP INDEX \"uq\"")]
    [InlineData("create enum", "CREATE TYPE \"mood\" AS ENUM ('ok', 'it''s fine')", "")]
    [InlineData("drop enum", "DROP TYPE \"mood\"", "")]
    [InlineData("update", "UPDATE \"users\" SET \"status\" = CAST((CASE WHEN is_active THEN 'active' ELSE 'inactive' END) AS \"user_status\")",
        "UPDATE \"users\" SET \"status\" = CASE WHEN is_active THEN 'active' ELSE 'inactive' END")]
    [InlineData("sql", "UPDATE t SET a = 1;\nDELETE FROM u", "UPDATE t SET a = 1;\nDELETE FROM u")]
    public void Each_operation_has_exact_sql_on_each_dialect(string operation, string postgres, string sqlite)
    {
        var op = Operation(operation);

        Assert.Equal(postgres, Pg(op));
        Assert.Equal(sqlite, Lite(op));
    }

    [Theory]
    [InlineData("foreign key", "ALTER TABLE \"t\" ADD CONSTRAINT \"fk\" FOREIGN KEY (\"u_id\") REFERENCES \"u\" (\"id\") ON DELETE SET NULL NOT VALID", "add constraint fk")]
    [InlineData("check", "ALTER TABLE \"t\" ADD CONSTRAINT \"ck\" CHECK (a > 0)", "add constraint ck")]
    [InlineData("primary key", "ALTER TABLE \"t\" ADD CONSTRAINT \"pk\" PRIMARY KEY (\"id\")", "add constraint pk")]
    [InlineData("drop constraint", "ALTER TABLE \"t\" DROP CONSTRAINT \"ck\"", "drop constraint ck")]
    [InlineData("alter column", "ALTER TABLE \"t\" ALTER COLUMN \"n\" TYPE bigint USING n::bigint, ALTER COLUMN \"n\" SET NOT NULL, ALTER COLUMN \"n\" SET DEFAULT 0",
        "alter column n (type INTEGER, set not null, default 0)")]
    [InlineData("add column with a non-constant default", "ALTER TABLE \"t\" ADD COLUMN \"at\" timestamptz NOT NULL DEFAULT now()", "add column at")]
    public void What_sqlite_cannot_alter_in_place_is_a_table_rebuild(string operation, string postgres, string rebuild)
    {
        var op = Operation(operation);
        var statement = Assert.Single(SqliteDialect.Instance.Generate(op, Enums));

        Assert.Equal(postgres, Pg(op));
        Assert.NotNull(statement.Procedure);
        Assert.Equal($"rebuild table t to {rebuild}", statement.Procedure.Describe());
    }

    [Fact]
    public void Engine_specific_operations_fail_clearly_where_they_cannot_run()
    {
        var gin = Only(op => op.CreateIndex("ix", "t", ["doc"], method: "gin"));
        var value = Only(op => op.AddEnumValue("mood", "meh", before: "ok"));

        Assert.Equal("CREATE INDEX \"ix\" ON \"t\" USING gin (\"doc\")", Pg(gin));
        Assert.Equal("ALTER TYPE \"mood\" ADD VALUE 'meh' BEFORE 'ok'", Pg(value));
        Assert.Contains("PostgreSQL's", Assert.Throws<NotSupportedException>(() => Lite(gin)).Message, StringComparison.Ordinal);
        Assert.Contains("rebuilding every table", Assert.Throws<NotSupportedException>(() => Lite(value)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifiers_are_quoted_by_the_dialect_everywhere()
    {
        var rename = Only(b => b.RenameColumn("we\"ird", "a b", "c"));
        var index = Only(b => b.CreateIndex("ix", "t t", "first name", "(lower(\"last name\"))"));

        Assert.Equal("ALTER TABLE \"we\"\"ird\" RENAME COLUMN \"a b\" TO \"c\"", Pg(rename));
        Assert.Equal("ALTER TABLE \"we\"\"ird\" RENAME COLUMN \"a b\" TO \"c\"", Lite(rename));
        Assert.Equal("CREATE INDEX \"ix\" ON \"t t\" (\"first name\", (lower(\"last name\")))", Pg(index));
        Assert.Equal("CREATE INDEX \"ix\" ON \"t t\" (\"first name\", (lower(\"last name\")))", Lite(index));
    }

    [Theory]
    [InlineData("2026-02-03", "'2026-02-03'")]
    [InlineData("guid", "'0f8fad5b-d9cb-469f-a165-70867728950e'")]
    [InlineData("enum", "'Cascade'")]
    [InlineData("decimal", "12.50")]
    public void Literal_defaults_are_quoted_unless_numbers(string kind, string literal)
    {
        object value = kind switch
        {
            "guid" => Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
            "enum" => ReferentialAction.Cascade,
            "decimal" => 12.50m,
            _ => DateOnly.Parse(kind, System.Globalization.CultureInfo.InvariantCulture),
        };

        Assert.Equal(literal, PostgresDialect.Instance.Literal(value));
        Assert.Equal(literal, SqliteDialect.Instance.Literal(value));
    }

    private static MigrationOperation Operation(string name) => Only(op => _ = name switch
    {
        "drop table" => op.DropTable("t"),
        "rename table" => op.RenameTable("t", "u"),
        "add column" => op.AddColumn("t", "flag", SqlType.Boolean, c => c.NotNull().Default(false)),
        "add column with a non-constant default" => op.AddColumn("t", "at", SqlType.DateTime, c => c.NotNull().Default(Sql.Now)),
        "drop column" => op.DropColumn("t", "c"),
        "rename column" => op.RenameColumn("t", "a", "b"),
        "create index" => op.CreateIndex("ix", "t", ["a", "(lower(b))"], where: "a > 0"),
        "create unique index" => op.CreateUniqueIndex("ux", "t", "a"),
        "drop index" => op.DropIndex("ix"),
        "unique constraint" => op.CreateUniqueConstraint("uq", "t", "a", "b"),
        "drop unique constraint" => op.Add(new DropConstraintOperation { Table = "t", Name = "uq", Definition = new UniqueConstraint("uq", ["a", "b"]) }),
        "create enum" => op.CreateEnum("mood", "ok", "it's fine"),
        "drop enum" => op.DropEnum("mood"),
        "update" => op.Update("users", "status", "CASE WHEN is_active THEN 'active' ELSE 'inactive' END", type: SqlType.Enum("user_status")),
        "sql" => op.Sql("UPDATE t SET a = 1; DELETE FROM u;"),
        "foreign key" => op.AddForeignKey("fk", "t", ["u_id"], "u", ["id"], onDelete: ReferentialAction.SetNull, notValid: true),
        "check" => op.AddCheckConstraint("ck", "t", "a > 0"),
        "primary key" => op.AddPrimaryKey("pk", "t", "id"),
        "drop constraint" => op.DropConstraint("ck", "t"),
        "alter column" => op.AlterColumn("t", "n", c => c.Type(SqlType.BigInt, @using: "n::bigint").NotNull().Default(0)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    });
}
