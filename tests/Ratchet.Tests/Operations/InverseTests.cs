using Ratchet.Operations;
using Ratchet.Sources;
using Xunit;

namespace Ratchet.Tests.Operations;

/// <summary>Automatic down: each operation's inverse, and migrations that cannot be reversed fail at load.</summary>
public sealed class InverseTests
{
    [Migration("001", Revises = "base", Message = "Create, index, add")]
    public sealed class ReversibleByItself : Migration
    {
        public override void Up(MigrationBuilder op)
        {
            op.CreateTable("t", t => t.Column("id", SqlType.Int).PrimaryKey());
            op.CreateIndex("ix_t_id", "t", "id");
            op.AddColumn("t", "name", SqlType.Text);
            op.RenameColumn("t", "name", "title");
            op.AlterColumn("t", "title", c => c.NotNull());
            op.CreateEnum("mood", "ok", "bad");
            op.Sql("INSERT INTO t VALUES (1, 'x')", down: "DELETE FROM t WHERE id = 1");
        }
    }

    [Migration("002", Revises = "001", Message = "Drops a column it cannot describe")]
    public sealed class DropsColumnBlindly : Migration
    {
        public override void Up(MigrationBuilder op) => op.DropColumn("users", "is_active");
    }

    [Migration("003", Revises = "001", Message = "Drops a column it describes")]
    public sealed class DropsColumnWithItsType : Migration
    {
        public override void Up(MigrationBuilder op) => op.DropColumn("users", "is_active", SqlType.Boolean, c => c.NotNull().Default(true));
    }

    public sealed class NotMarked : Migration
    {
        public override void Up(MigrationBuilder op) => op.Sql("SELECT 1");
    }

    [Fact]
    public void A_derived_down_is_the_inverses_in_reverse_order()
    {
        var revision = Assert.Single(AssemblySource.FromTypes(typeof(ReversibleByItself)));

        var down = ((OperationScript)revision.Down!).Operations.Select(o => o.Describe()).ToList();

        Assert.Equal([
            "sql DELETE FROM t WHERE id = 1 down INSERT INTO t VALUES (1, 'x')",
            "drop enum mood",
            "alter column t.title drop not null",
            "rename column t.title to name",
            "drop column t.name",
            "drop index ix_t_id",
            "drop table t",
        ], down);
    }

    [Fact]
    public void A_drop_column_without_its_definition_fails_at_load_naming_the_migration_and_the_operation()
    {
        var error = Assert.Throws<MigrationFileException>(() => AssemblySource.FromTypes(typeof(DropsColumnBlindly)));

        Assert.Equal(RatchetErrorKind.BadInput, error.Kind);
        Assert.Contains("migration 002 (DropsColumnBlindly) has no Down", error.Message, StringComparison.Ordinal);
        Assert.Contains("`drop column users.is_active` cannot be undone", error.Message, StringComparison.Ordinal);
        Assert.Contains("give its type", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drop_column_with_its_definition_is_undone_by_adding_it_back()
    {
        var revision = Assert.Single(AssemblySource.FromTypes(typeof(DropsColumnWithItsType)));

        Assert.Equal("add column users.is_active boolean not null default true",
            Assert.Single(((OperationScript)revision.Down!).Operations).Describe());
    }

    [Fact]
    public void A_migration_class_without_its_attribute_is_an_error()
    {
        var error = Assert.Throws<MigrationFileException>(() => AssemblySource.FromTypes(typeof(NotMarked)));

        Assert.Contains("has no [Migration(\"id\")] attribute", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Alter_column_is_reversible_only_when_it_says_what_it_changed_from(bool saysFrom)
    {
        var builder = new MigrationBuilder();
        builder.AlterColumn("t", "n", c => _ = saysFrom ? c.Type(SqlType.BigInt, from: SqlType.Int) : c.Type(SqlType.BigInt));

        var inverse = Assert.Single(builder.Operations).Invert();

        Assert.Equal(saysFrom ? "alter column t.n type int" : null, inverse?.Describe());
    }

    [Fact]
    public void Checksums_follow_the_operations()
    {
        var first = Assert.Single(AssemblySource.FromTypes(typeof(ReversibleByItself)));
        var again = Assert.Single(AssemblySource.FromTypes(typeof(ReversibleByItself)));
        var other = Assert.Single(AssemblySource.FromTypes(typeof(DropsColumnWithItsType)));

        Assert.Equal(first.Up.Checksum, again.Up.Checksum);
        Assert.NotEqual(first.Up.Checksum, other.Up.Checksum);
        Assert.Equal("csharp", first.Kind);
    }
}
