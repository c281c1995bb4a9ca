using Ratchet.Sources;
using Xunit;

namespace Ratchet.Tests.Sources;

public sealed class SqlMigrationFileParserTests
{
    [Fact]
    public void Reads_directives_and_sections()
    {
        var file = SqlMigrationFileParser.Parse("m/002__x.sql", """
            -- ratchet:revision 002
            -- ratchet:revises 001a, 001b
            -- ratchet:message Add user_roles table
            -- ratchet:branch roles
            -- ratchet:depends-on 000
            -- ratchet:transaction off
            -- A plain comment.

            -- ratchet:check
            SELECT count(*) = 0 FROM users WHERE id IS NULL;

            -- ratchet:up
            CREATE TABLE user_roles (id INTEGER);
            -- ratchet:ignore RAT001 the table is empty
            CREATE INDEX ix ON user_roles (id);

            -- ratchet:down
            DROP TABLE user_roles;

            -- ratchet:verify
            SELECT count(*) = 0 FROM user_roles;
            """);

        Assert.Equal("002", file.Id);
        Assert.Equal(["001a", "001b"], file.Revises);
        Assert.Equal("Add user_roles table", file.Message);
        Assert.Equal(["roles"], file.BranchLabels);
        Assert.Equal(["000"], file.DependsOn);
        Assert.False(file.Transactional);
        Assert.Equal([13, 15], file.Up.Statements.Select(s => s.Line));
        Assert.Equal("DROP TABLE user_roles", Assert.Single(file.Down!.Statements).Sql);
        Assert.Equal(10, Assert.Single(file.Checks).Line);
        Assert.Single(file.Verifies);
        var suppression = Assert.Single(file.Suppressions);
        Assert.Equal(("RAT001", "the table is empty", 14), (suppression.Rule, suppression.Reason, suppression.Line));
    }

    [Fact]
    public void A_missing_down_section_means_irreversible_and_an_empty_one_means_nothing_to_do()
    {
        var irreversible = SqlMigrationFileParser.Parse("a.sql", "-- ratchet:up\nSELECT 1;");
        var empty = SqlMigrationFileParser.Parse("b.sql", "-- ratchet:up\nSELECT 1;\n-- ratchet:down\n");

        Assert.Null(irreversible.Down);
        Assert.NotNull(empty.Down);
        Assert.True(empty.Down.IsEmpty);
        Assert.Null(irreversible.Revises);
    }

    [Fact]
    public void Revises_base_marks_an_explicit_root()
    {
        Assert.Equal([], SqlMigrationFileParser.Parse("a.sql", "-- ratchet:revises base\n-- ratchet:up\n").Revises);
    }

    [Theory]
    [InlineData("-- ratchet:revises 1\n-- ratchet:mesage hi\n-- ratchet:up\n", 2, "unknown directive `mesage` (did you mean `message`?)")]
    [InlineData("-- ratchet:up\nSELECT 1;\n-- ratchet:up\n", 3, "the `up` section appears twice")]
    [InlineData("-- ratchet:message a\n-- ratchet:message b\n-- ratchet:up\n", 2, "the `message` directive appears twice")]
    [InlineData("CREATE TABLE t (id int);\n-- ratchet:up\n", 1, "SQL before the first section")]
    [InlineData("-- ratchet:transaction maybe\n-- ratchet:up\n", 1, "`transaction` takes on or off, not 'maybe'")]
    [InlineData("-- ratchet:revises\n-- ratchet:up\n", 1, "the `revises` directive needs a value")]
    [InlineData("-- ratchet:up\nSELECT 1; -- ratchet:down\n", 2, "must stand on its own line")]
    [InlineData("-- ratchet:down\nSELECT 1;\n", 1, "no `-- ratchet:up` section")]
    [InlineData("-- ratchet:up now\n", 1, "the `up` section marker takes no value")]
    public void Bad_files_are_errors_naming_the_file_and_line(string text, int line, string problem)
    {
        var error = Assert.Throws<MigrationFileException>(() => SqlMigrationFileParser.Parse("migrations/x.sql", text));

        Assert.Equal(new SourceLocation("migrations/x.sql", line), error.Location);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"migrations/x.sql:{line}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(RatchetErrorKind.BadInput, error.Kind);
    }

    [Fact]
    public void Directive_text_inside_a_string_is_not_a_directive()
    {
        var file = SqlMigrationFileParser.Parse("a.sql", "-- ratchet:up\nINSERT INTO t VALUES ('\n-- ratchet:down\n');\n");

        Assert.Null(file.Down);
        Assert.Single(file.Up.Statements);
    }
}
