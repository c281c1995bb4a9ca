using Ratchet.Online;
using Ratchet.Operations;
using Ratchet.Sources;
using Xunit;

namespace Ratchet.Tests.Online;

/// <summary>Online revisions as read from SQL files and C# classes: the operations, their expressions, their errors.</summary>
public sealed class OnlineReadingTests
{
    [Fact]
    public void An_online_sql_file_reads_into_online_operations_with_their_directives()
    {
        var file = SqlMigrationFileParser.Parse("m/002.sql", """
            -- ratchet:revision 002
            -- ratchet:revises 001
            -- ratchet:online
            -- ratchet:up
            ALTER TABLE orders ALTER COLUMN id TYPE bigint;
            -- ratchet:backfill lower(email)
            ALTER TABLE users ADD COLUMN email_lower text NOT NULL;
            -- ratchet:down-using first || ' ' || last
            ALTER TABLE people SPLIT COLUMN name INTO (first text NOT NULL USING split_part(name, ' ', 1), last text USING split_part(name, ' ', 2));
            ALTER TABLE users RENAME COLUMN nick TO handle;
            CREATE UNIQUE INDEX users_handle ON users (handle) WHERE handle IS NOT NULL;
            ALTER TABLE users ADD CONSTRAINT users_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) ON DELETE CASCADE;
            """);
        var script = OnlineSqlReader.Read(file);
        Assert.Collection(script.Operations,
            o => Assert.Equal(("orders", "id", "bigint", 5), (((ChangeColumnTypeOnline)o).TableName, ((ChangeColumnTypeOnline)o).Column, ((ChangeColumnTypeOnline)o).Type.Name, o.Line)),
            o => Assert.Equal(("email_lower", false, "lower(email)"), (((AddColumnOnline)o).Column.Name, ((AddColumnOnline)o).Column.Nullable, ((AddColumnOnline)o).Backfill)),
            o =>
            {
                var split = Assert.IsType<SplitColumnOnline>(o);
                Assert.Equal("first || ' ' || last", split.DownUsing);
                Assert.Equal(["first text not null using split_part(name, ' ', 1)", "last text using split_part(name, ' ', 2)"], split.Into.Select(t => t.ToString()));
            },
            o => Assert.Equal("handle", ((RenameColumnOnline)o).NewName),
            o => Assert.Equal(("users_handle", true, "handle IS NOT NULL"), (((CreateIndexOnline)o).Name, ((CreateIndexOnline)o).Unique, ((CreateIndexOnline)o).Where)),
            o => Assert.Equal(("teams", ReferentialAction.Cascade), (((AddForeignKeyOnline)o).PrincipalTable, ((AddForeignKeyOnline)o).OnDelete)));
        Assert.Equal("online alter column orders.id type bigint", script.Operations[0].Describe());
        Assert.Equal("online add column users.email_lower text not null backfill lower(email)", script.Operations[1].Describe());
    }

    [Fact]
    public void The_checksum_follows_the_operations_and_their_expressions()
    {
        static string Checksum(string backfill) => OnlineSqlReader.Read(SqlMigrationFileParser.Parse("m/002.sql",
            $"-- ratchet:online\n-- ratchet:up\n-- ratchet:backfill {backfill}\nALTER TABLE users ADD COLUMN e text NOT NULL;\n")).Checksum;
        Assert.Equal(Checksum("lower(email)"), Checksum("lower(email)"));
        Assert.NotEqual(Checksum("lower(email)"), Checksum("upper(email)"));
    }

    [Theory]
    [InlineData("-- ratchet:backfill 1\n\nALTER TABLE t ADD COLUMN c int NOT NULL;", 3, "must stand right above the statement")]
    [InlineData("DELETE FROM t;", 3, "cannot run online")]
    [InlineData("ALTER TABLE t SPLIT COLUMN c (a int USING c);", 3, "SPLIT COLUMN reads")]
    [InlineData("ALTER TABLE t ADD COLUMN a int, ADD COLUMN b int;", 3, "one change per statement")]
    public void A_statement_that_is_not_an_online_operation_names_its_line(string up, int line, string error)
    {
        var e = Assert.Throws<MigrationFileException>(() => OnlineSqlReader.Read(SqlMigrationFileParser.Parse("m/002.sql", $"-- ratchet:online\n-- ratchet:up\n{up}\n")));
        Assert.StartsWith($"m/002.sql:{line}:", e.Message, StringComparison.Ordinal);
        Assert.Contains(error, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_csharp_online_migration_is_an_online_revision_without_a_written_down()
    {
        var revision = Assert.Single(AssemblySource.FromTypes(typeof(WidenOrderIds)));
        Assert.True(revision.Online);
        Assert.Null(revision.Down);
        Assert.Equal(["001"], revision.Parents);
        var script = Assert.IsType<OnlineScript>(revision.Up);
        Assert.Equal(["online alter column orders.id type bigint", "online create index orders_placed_at on orders (placed_at)"],
            script.Operations.Select(o => o.Describe()));
    }

    [Fact]
    public void A_csharp_online_migration_without_its_attribute_names_the_class()
    {
        var e = Assert.Throws<MigrationFileException>(() => AssemblySource.FromTypes(typeof(Unmarked)));
        Assert.Contains("Unmarked has no [Migration(\"id\")] attribute", e.Message, StringComparison.Ordinal);
    }

    [Migration("002", Revises = "001", Message = "widen orders.id")]
    private sealed class WidenOrderIds : OnlineMigration
    {
        public override void Up(OnlineBuilder online) =>
            online.ChangeColumnType("orders", "id", SqlType.BigInt).CreateIndex("orders", "orders_placed_at", ["placed_at"]);
    }

    private sealed class Unmarked : OnlineMigration
    {
        public override void Up(OnlineBuilder online) => online.DropIndex("x");
    }
}
