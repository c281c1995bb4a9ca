using Ratchet.History;
using Xunit;

namespace Ratchet.Tests.Sources;

public sealed class ChecksumTests
{
    [Theory]
    [InlineData("CREATE TABLE t (id int);", "CREATE   TABLE t(\n  id int -- the key\n);")]
    [InlineData("SELECT 1", "/* why */ SELECT\t1")]
    public void Whitespace_and_comments_do_not_change_the_checksum(string a, string b)
    {
        Assert.Equal(Checksum.OfSql(a), Checksum.OfSql(b));
    }

    [Theory]
    [InlineData("SELECT 'a b'", "SELECT 'a  b'")]
    [InlineData("CREATE TABLE t (id int)", "CREATE TABLE t (id bigint)")]
    [InlineData("SELECT a", "SELECT A")]
    [InlineData("SELECT ab", "SELECT a b")]
    public void Any_other_edit_changes_the_checksum(string a, string b)
    {
        Assert.NotEqual(Checksum.OfSql(a), Checksum.OfSql(b));
    }
}
