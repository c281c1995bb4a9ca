using Ratchet.Operations;
using Ratchet.Revisions;
using Ratchet.Safety.Parsing;
using Xunit;

namespace Ratchet.Tests.Safety;

public sealed class SqlParserTests
{
    private static IReadOnlyList<StatementPart> Parts(string sql, int line = 1) => SqlParser.Parse(new SqlStatement(sql, line)).Parts;

    private static T Single<T>(string sql)
        where T : MigrationOperation => Assert.IsType<T>(Assert.IsType<OperationPart>(Assert.Single(Parts(sql))).Operation);

    [Fact]
    public void Create_table_reads_columns_inline_keys_references_and_table_constraints()
    {
        var part = Assert.IsType<OperationPart>(Assert.Single(Parts("""
            CREATE TABLE IF NOT EXISTS public."Orders" (
                id bigserial PRIMARY KEY,
                customer_id integer NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
                status varchar(20) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid')),
                placed_at timestamp with time zone DEFAULT now(),
                total numeric(10, 2) GENERATED ALWAYS AS (price * qty) STORED,
                CONSTRAINT orders_status_placed UNIQUE (status, placed_at)
            )
            """)));
        var create = Assert.IsType<CreateTableOperation>(part.Operation);

        Assert.Equal("Orders", create.Name);
        Assert.True(part.Idempotent);
        Assert.Equal(["id", "customer_id", "status", "placed_at", "total"], create.Columns.Select(c => c.Name));
        Assert.Equal("timestamp with time zone", part.Columns[3].Type);
        Assert.Equal("serial", part.Columns[0].Identity);
        Assert.Equal("'new'", part.Columns[2].Default);
        Assert.Equal(("price * qty", true), (part.Columns[4].Generated, part.Columns[4].Stored));
        Assert.Contains(create.Constraints, k => k is PrimaryKeyConstraint { Columns: ["id"] });
        Assert.Contains(create.Constraints, k => k is ForeignKeyConstraint { References.PrincipalTable: "customers", References.OnDelete: ReferentialAction.Cascade });
        Assert.Contains(create.Constraints, k => k is UniqueConstraint { Name: "orders_status_placed", Columns: ["status", "placed_at"] });
        Assert.Contains(create.Constraints, k => k is CheckConstraint { Expression: "status IN ('new', 'paid')" });
    }

    [Fact]
    public void Alter_table_reads_each_action_in_order_with_its_position()
    {
        var parts = Parts("ALTER TABLE users\n  ADD COLUMN age integer NOT NULL DEFAULT 0,\n  ALTER COLUMN email TYPE varchar(320) USING email::varchar,\n  DROP COLUMN legacy,\n  ADD CONSTRAINT users_age CHECK (age >= 0) NOT VALID", line: 10);

        Assert.Collection(parts,
            p => Assert.Equal((11, 3, "age"), (p.Line, p.Column, Assert.IsType<AddColumnOperation>(((OperationPart)p).Operation).Column.Name)),
            p => Assert.Equal(("varchar(320)", "email::varchar"), (Assert.IsType<AlterColumnOperation>(((OperationPart)p).Operation).Type!.Name, ((AlterColumnOperation)((OperationPart)p).Operation).Using)),
            p => Assert.Equal("legacy", Assert.IsType<DropColumnOperation>(((OperationPart)p).Operation).Name),
            p => Assert.True(Assert.IsType<AddConstraintOperation>(((OperationPart)p).Operation).NotValid));
    }

    [Fact]
    public void Create_index_concurrently_with_expression_method_and_predicate()
    {
        var part = Assert.IsType<OperationPart>(Assert.Single(Parts("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email ON ONLY users USING btree (lower(email), created_at DESC NULLS LAST) INCLUDE (name) WHERE deleted_at IS NULL")));
        var index = Assert.IsType<CreateIndexOperation>(part.Operation);

        Assert.True(index.Unique && index.Concurrently && part.Idempotent);
        Assert.Equal(["(lower(email))", "created_at"], index.Columns);
        Assert.Equal("deleted_at IS NULL", index.Where);
        Assert.Null(index.Method);
    }

    [Fact]
    public void Statements_without_an_operation_become_facts()
    {
        var truncate = Assert.IsType<TruncatePart>(Assert.Single(Parts("TRUNCATE TABLE a, b CASCADE")));
        Assert.Equal(["a", "b"], truncate.Tables);
        Assert.True(truncate.Cascade);
        Assert.Equal(("lock_timeout", "5s", true), Assert.IsType<SettingPart>(Assert.Single(Parts("SET LOCAL lock_timeout = '5s'"))) is var s ? (s.Name, s.Value, s.Local) : default);
        Assert.Equal("BEGIN", Assert.IsType<TransactionPart>(Assert.Single(Parts("START TRANSACTION"))).Verb);
        Assert.Equal(("UPDATE", "users", false), Assert.IsType<RowsPart>(Assert.Single(Parts("UPDATE users SET x = (SELECT max(y) FROM t WHERE t.id = users.id)"))) is var u ? (u.Verb, u.Table, u.HasWhere) : default);
        Assert.True(Assert.IsType<RowsPart>(Assert.Single(Parts("WITH old AS (SELECT id FROM users) DELETE FROM users WHERE id IN (SELECT id FROM old)"))).HasWhere);
        Assert.Equal(("REINDEX", true), Assert.IsType<MaintenancePart>(Assert.Single(Parts("REINDEX INDEX CONCURRENTLY users_email"))) is var r ? (r.Verb, r.Concurrently) : default);
        Assert.True(Assert.IsType<MaintenancePart>(Assert.Single(Parts("VACUUM (FULL, ANALYZE) users"))).Full);
        Assert.Equal(("foreign_keys", "OFF"), Assert.IsType<PragmaPart>(Assert.Single(Parts("PRAGMA foreign_keys = OFF"))) is var g ? (g.Name, g.Value) : default);
    }

    [Fact]
    public void Enum_values_renames_and_domains()
    {
        Assert.Equal("paid", Single<AddEnumValueOperation>("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'refunded' BEFORE 'paid'").Before);
        Assert.IsType<EnumValueRenamePart>(Assert.Single(Parts("ALTER TYPE order_status RENAME VALUE 'paid' TO 'settled'")));
        Assert.True(Assert.IsType<DomainConstraintPart>(Assert.Single(Parts("CREATE DOMAIN email AS text CHECK (VALUE LIKE '%@%')"))).Creating);
        Assert.Equal(["new", "paid"], Single<CreateEnumOperation>("CREATE TYPE order_status AS ENUM ('new', 'paid')").Values);
        Assert.Equal(("users", "people"), Single<RenameTableOperation>("ALTER TABLE users RENAME TO people") is var t ? (t.Name, t.NewName) : default);
        Assert.Equal(("SCHEMA", "old"), Assert.IsType<RenameObjectPart>(Assert.Single(Parts("ALTER SCHEMA old RENAME TO new"))) is var o ? (o.Kind, o.Name) : default);
    }

    [Fact]
    public void Using_index_exclude_and_mysql_algorithm()
    {
        var parts = Parts("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx");
        Assert.Equal("users_email_idx", Assert.IsType<OperationPart>(Assert.Single(parts)).UsingIndex);
        Assert.IsType<ExcludeConstraint>(Assert.IsType<AddConstraintOperation>(Assert.IsType<OperationPart>(Assert.Single(Parts(
            "ALTER TABLE rooms ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)"))).Operation).Constraint);
        var mysql = Parts("ALTER TABLE t ADD COLUMN c INT, ALGORITHM=COPY, LOCK=EXCLUSIVE");
        Assert.Equal(("COPY", "EXCLUSIVE"), mysql.OfType<TableAlgorithmPart>().Single() is var a ? (a.Algorithm, a.Lock) : default);
    }

    [Fact]
    public void What_it_cannot_read_is_reported_and_the_rest_is_still_read()
    {
        var parts = Parts("ALTER TABLE users FROBNICATE email, ADD COLUMN age int");

        Assert.Contains("unknown action `FROBNICATE email", Assert.IsType<UnreadablePart>(parts[0]).Reason, StringComparison.Ordinal);
        Assert.IsType<AddColumnOperation>(Assert.IsType<OperationPart>(parts[1]).Operation);
        Assert.IsType<UnreadablePart>(Assert.Single(Parts("CREATE INDEX ON")));
        Assert.IsType<UnreadablePart>(Assert.Single(Parts("ALTER TABLE users ADD COLUMN")));
        Assert.IsType<UnreadablePart>(Assert.Single(Parts("FROBNICATE the database")));
    }

    [Fact]
    public void Statements_it_only_recognizes_are_other_parts()
    {
        foreach (var sql in new[]
        {
            "CREATE VIEW v AS SELECT 1", "CREATE OR REPLACE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$", "COMMENT ON TABLE t IS 'x'",
            "GRANT SELECT ON t TO app", "INSERT INTO t SELECT * FROM s", "DO $$ BEGIN PERFORM 1; END $$", "CREATE EXTENSION IF NOT EXISTS pgcrypto",
            "CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f()", "SELECT 1",
        })
        {
            Assert.DoesNotContain(Parts(sql), p => p is UnreadablePart);
        }
    }
}
