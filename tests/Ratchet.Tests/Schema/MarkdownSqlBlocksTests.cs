using Ratchet.Schema;
using Xunit;

namespace Ratchet.Tests.Schema;

public sealed class MarkdownSqlBlocksTests
{
    [Fact]
    public void Only_sql_blocks_are_kept_and_every_line_stays_on_its_line()
    {
        var note = "# Title\n\n```sql\nCREATE TABLE a (id int);\n```\n\n```python\nprint(1)\n```\n\n~~~postgresql\nCREATE TABLE b (id int);\n~~~\n";

        var sql = MarkdownSqlBlocks.Extract(note)!;
        var lines = sql.Split('\n');

        Assert.Equal("CREATE TABLE a (id int);", lines[3]);
        Assert.Equal("CREATE TABLE b (id int);", lines[11]);
        Assert.DoesNotContain("print", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("Title", sql, StringComparison.Ordinal);
        Assert.Equal(note.Split('\n').Length, lines.Length);
    }

    [Fact]
    public void A_note_without_sql_blocks_has_no_schema() => Assert.Null(MarkdownSqlBlocks.Extract("# Notes\n\n```js\nx\n```\n"));
}
