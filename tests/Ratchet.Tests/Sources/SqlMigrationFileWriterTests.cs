using Ratchet.Sources;
using Xunit;

namespace Ratchet.Tests.Sources;

public sealed class SqlMigrationFileWriterTests
{
    [Fact]
    public void Next_id_continues_the_days_sequence()
    {
        var day = new DateOnly(2026, 2, 3);

        Assert.Equal("20260203_001", SqlMigrationFileWriter.NextId(["20260202_007"], day));
        Assert.Equal("20260203_012", SqlMigrationFileWriter.NextId(["20260203_003", "20260203_011", "20260202_099"], day));
    }

    [Theory]
    [InlineData("Add user_roles table", "add_user_roles_table")]
    [InlineData("  Hello, World!  ", "hello_world")]
    [InlineData("!!!", "revision")]
    public void Slugs_are_lower_case_words_joined_by_underscores(string message, string slug)
    {
        Assert.Equal(slug, SqlMigrationFileWriter.Slug(message));
    }

    [Fact]
    public void A_rendered_file_parses_back()
    {
        var text = SqlMigrationFileWriter.Render("Join\nbranches", ["a", "b"], ["main"], ["x"], transactional: false);

        var file = SqlMigrationFileParser.Parse("f.sql", text);

        Assert.Equal(["a", "b"], file.Revises);
        Assert.Equal("Join branches", file.Message);
        Assert.Equal(["main"], file.BranchLabels);
        Assert.Equal(["x"], file.DependsOn);
        Assert.False(file.Transactional);
        Assert.True(file.Up.IsEmpty);
        Assert.NotNull(file.Down);
    }
}
