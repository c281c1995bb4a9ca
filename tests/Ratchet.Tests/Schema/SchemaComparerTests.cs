using Ratchet.Schema;
using Xunit;

namespace Ratchet.Tests.Schema;

public sealed class SchemaComparerTests
{
    private static SchemaModel One(TableModel table) => new() { Tables = [table] };

    private static TableModel Users(params ColumnModel[] extra) => new()
    {
        Name = "users",
        Columns = [new ColumnModel { Name = "id", Type = "integer", Nullable = false }, .. extra],
        PrimaryKey = new KeyModel("users_pkey", ["id"]),
        Checks = [new CheckModel("users_id_check", "(id > 0)")],
    };

    [Fact]
    public void Constraint_names_column_order_case_quotes_and_outer_parentheses_do_not_count()
    {
        var a = One(Users(new ColumnModel { Name = "email", Type = "text" }));
        var b = One(Users(new ColumnModel { Name = "email", Type = "TEXT" }) with
        {
            Name = "USERS",
            Columns = [new ColumnModel { Name = "email", Type = "TEXT" }, new ColumnModel { Name = "id", Type = "integer", Nullable = false }],
            PrimaryKey = new KeyModel(null, ["id"]),
            Checks = [new CheckModel(null, "\"id\"  >  0")],
        });

        Assert.Empty(SchemaComparer.Differences(a, b));
        Assert.Equal(SchemaComparer.Fingerprint(a), SchemaComparer.Fingerprint(b));
    }

    [Fact]
    public void Each_real_difference_is_one_line_worded_from_the_expected_side()
    {
        var expected = One(Users(new ColumnModel { Name = "email", Type = "text", Nullable = false }));
        var actual = One(Users(new ColumnModel { Name = "email", Type = "varchar(10)" }, new ColumnModel { Name = "age", Type = "integer" }) with
        {
            Indexes = [new IndexModel { Name = "users_email", Columns = ["email"], Unique = true }],
        });

        Assert.Equal(
            [
                "column users.email: type 'varchar(10)' instead of 'text'",
                "column users.email: nullable instead of NOT NULL",
                "column users.age: unexpected",
                "table users: unexpected unique index users_email (email)",
            ],
            SchemaComparer.Differences(expected, actual));
        Assert.NotEqual(SchemaComparer.Fingerprint(expected), SchemaComparer.Fingerprint(actual));
    }

    [Fact]
    public void The_json_form_reads_back_to_an_equal_model()
    {
        var model = new SchemaModel
        {
            Tables = [Users(new ColumnModel { Name = "n", Type = "integer", Identity = "always", Comment = "a number" }) with
            {
                ForeignKeys = [new ForeignKeyModel { Name = "fk", Columns = ["n"], PrincipalTable = "users", PrincipalColumns = ["id"], OnDelete = "CASCADE", Validated = false }],
                Indexes = [new IndexModel { Name = "i", Columns = ["(lower(n))"], Where = "n > 1", Method = "hash", Valid = false }],
                Comment = "people",
            }],
            Enums = [new EnumModel("mood", ["a", "b"])],
            Views = [new ViewModel("v", "SELECT 1")],
            Sequences = [new SequenceModel("s")],
            Triggers = [new TriggerModel("tr", "users", "CREATE TRIGGER tr ...")],
            Functions = [new FunctionModel("f()", "CREATE OR REPLACE FUNCTION f() ...")],
        };

        var back = SchemaJson.Read(System.Text.Json.Nodes.JsonNode.Parse(SchemaJson.Write(model).ToJsonString())!);

        Assert.Empty(SchemaComparer.Differences(model, back));
        Assert.Equal(SchemaComparer.Canonical(model), SchemaComparer.Canonical(back));
    }

    [Fact]
    public void String_literals_keep_their_case_and_spaces_and_column_comments_count()
    {
        var usd = One(Users(new ColumnModel { Name = "currency", Type = "text", Default = "'USD'" }));
        var lower = One(Users(new ColumnModel { Name = "currency", Type = "text", Default = "'usd'" }));
        var spaced = One(Users(new ColumnModel { Name = "currency", Type = "TEXT", Default = "( 'USD' )" }));
        var commented = One(Users(new ColumnModel { Name = "currency", Type = "text", Default = "'USD'", Comment = "ISO 4217" }));

        Assert.Equal(["column users.currency: default ''usd'' instead of ''USD''"], SchemaComparer.Differences(usd, lower));
        Assert.Empty(SchemaComparer.Differences(usd, spaced));
        Assert.Equal(["column users.currency: comment 'ISO 4217' instead of none"], SchemaComparer.Differences(usd, commented));
        Assert.NotEqual(SchemaComparer.Fingerprint(usd), SchemaComparer.Fingerprint(commented));
    }
}
