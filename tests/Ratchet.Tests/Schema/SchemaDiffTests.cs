using Ratchet.Operations;
using Ratchet.PostgreSql;
using Ratchet.Schema;
using Xunit;

namespace Ratchet.Tests.Schema;

/// <summary>The order and shape of what <see cref="SchemaDiff"/> writes, without a database (the round trips run on real ones in the CLI tests).</summary>
public sealed class SchemaDiffTests
{
    private static readonly Ratchet.Engines.EngineCapabilities InPlace = new() { AlterTableInPlace = true };

    private static TableModel Table(string name, params ForeignKeyModel[] foreignKeys) => new()
    {
        Name = name,
        Columns = [new ColumnModel { Name = "id", Type = "integer", Nullable = false }, new ColumnModel { Name = "other_id", Type = "integer" }],
        PrimaryKey = new KeyModel($"{name}_pkey", ["id"]),
        ForeignKeys = foreignKeys,
    };

    private static ForeignKeyModel References(string table) =>
        new() { Name = $"fk_{table}", Columns = ["other_id"], PrincipalTable = table, PrincipalColumns = ["id"] };

    [Fact]
    public void Tables_that_reference_each_other_are_created_first_and_their_foreign_keys_added_after()
    {
        var to = new SchemaModel { Tables = [Table("a", References("b")), Table("b", References("a"))] };

        var change = SchemaDiff.Compare(new SchemaModel(), to, new PostgresDialect(), InPlace);

        Assert.Equal(["SqlOperation", "SqlOperation", "AddConstraintOperation", "AddConstraintOperation"], change.Up.Select(o => o.GetType().Name));
        Assert.All(change.Up.Take(2), o => Assert.DoesNotContain("FOREIGN KEY", ((SqlOperation)o).Sql, StringComparison.Ordinal));
        Assert.Equal(["drop table b", "drop table a"], change.Down.Select(o => o.Describe()).Where(d => d.StartsWith("drop table", StringComparison.Ordinal)).Order().Reverse());
    }

    [Fact]
    public void Dropped_tables_go_referencing_first()
    {
        var current = new SchemaModel { Tables = [Table("parent"), Table("child", References("parent")), Table("grandchild", References("child"))] };

        var change = SchemaDiff.Compare(current, new SchemaModel(), new PostgresDialect(), InPlace);

        Assert.Equal(["drop table grandchild", "drop table child", "drop table parent"], change.Up.Select(o => o.Describe()));
        Assert.Contains("up: drops table parent and its rows", change.Notes);
    }

    [Fact]
    public void Enum_values_are_added_where_the_desired_order_puts_them_and_removing_one_recreates_the_type()
    {
        var current = new SchemaModel { Enums = [new EnumModel("mood", ["happy", "sad"])] };
        var to = new SchemaModel { Enums = [new EnumModel("mood", ["calm", "happy", "meh", "sad", "angry"])] };

        var change = SchemaDiff.Compare(current, to, new PostgresDialect(), InPlace);

        Assert.Equal(["add enum value mood.calm before happy", "add enum value mood.meh before sad", "add enum value mood.angry"], change.Up.Select(o => o.Describe()));
        Assert.Contains(change.Down, o => o is SqlOperation { Sql: "ALTER TYPE \"mood\" RENAME TO \"mood_ratchet_old\"" });
        Assert.Contains(change.Down, o => o is SqlOperation { Sql: "DROP TYPE \"mood_ratchet_old\"" });
        Assert.Equal(2, SchemaDiff.Stages(current with { Tables = [Table("t")] }, to).Count);
        Assert.Single(SchemaDiff.Stages(current, to));
    }

    [Fact]
    public void A_table_rename_is_made_only_when_stated_and_a_wrong_one_is_bad_input()
    {
        var current = new SchemaModel { Tables = [Table("orders")] };
        var to = new SchemaModel { Tables = [Table("purchases")] };

        var guessed = SchemaDiff.Compare(current, to, new PostgresDialect(), InPlace);
        var stated = SchemaDiff.Compare(current, to, new PostgresDialect(), InPlace, [SchemaRename.Parse("orders=purchases")]);
        var wrong = Assert.Throws<RatchetException>(() => SchemaDiff.Compare(current, to, new PostgresDialect(), InPlace, [SchemaRename.Parse("order=purchases")]));

        Assert.Contains(guessed.Up, o => o is DropTableOperation);
        Assert.Equal("orders=purchases", Assert.Single(guessed.RenameCandidates).Rename.ToString());
        Assert.Equal(["rename table orders to purchases"], stated.Up.Select(o => o.Describe()));
        Assert.Equal(["rename table purchases to orders"], stated.Down.Select(o => o.Describe()));
        Assert.Equal(RatchetErrorKind.BadInput, wrong.Kind);
        Assert.Contains("there is no table order", wrong.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=b", "a", null, "b")]
    [InlineData("users.name=full_name", "users", "name", "full_name")]
    [InlineData(" t.c = d ", "t", "c", "d")]
    public void Renames_parse(string text, string table, string? column, string newName) =>
        Assert.Equal(new SchemaRename(table, column, newName), SchemaRename.Parse(text));

    [Theory]
    [InlineData("a")]
    [InlineData("=b")]
    [InlineData("a=")]
    [InlineData("a=b.c")]
    [InlineData(".a=b")]
    public void Bad_renames_are_bad_input(string text) =>
        Assert.Equal(RatchetErrorKind.BadInput, Assert.Throws<RatchetException>(() => SchemaRename.Parse(text)).Kind);

    [Fact]
    public void Reversed_renames_undo_a_table_rename_and_a_column_rename_of_that_table()
    {
        var reversed = SchemaRename.Reverse([SchemaRename.Parse("users=people"), SchemaRename.Parse("users.name=full_name")]);

        Assert.Equal(["people=users", "people.full_name=name"], reversed.Select(r => r.ToString()));
    }
}
