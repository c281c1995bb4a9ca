using System.Security.Cryptography;
using System.Text;
using Ratchet.History;
using Ratchet.Sources;
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

    [Theory]
    [InlineData("CREATE TABLE t (id int); -- done")]
    [InlineData("INSERT INTO café (nom) VALUES ('crème brûlée 🍮'), (E'it''s'); /* é */")]
    [InlineData("CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1 $body$ LANGUAGE sql;")]
    [InlineData("")]
    public void The_checksum_is_the_digest_of_the_tokens_appended_one_by_one(string sql)
    {
        // The definition the history's stored checksums were made with: each non-comment token's UTF-8 bytes and 0x1F.
        var tokens = SqlLexer.Tokenize(sql);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var token in tokens.Where(t => !t.IsComment))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(sql, token.Start, token.Length));
            hash.AppendData([0x1F]);
        }

        Assert.Equal(Convert.ToHexStringLower(hash.GetHashAndReset()), Checksum.OfSql(sql));
    }

    [Fact]
    public void A_revision_keeps_the_checksum_an_earlier_version_recorded()
    {
        // bench/postgres's first revision, as ratchet 0.1.0 at b9d5692 recorded it in ratchet_history.checksum_up.
        var values = string.Join(", ", Enumerable.Range(1, 10).Select(r => $"({r}, 'row {r}')"));
        var text = "-- ratchet:revises base\n-- ratchet:message Table 1\n\n-- ratchet:up\n" +
            "CREATE TABLE t1 (id integer PRIMARY KEY, name text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());\n" +
            "CREATE INDEX ix_t1_name ON t1 (name);\n" +
            $"INSERT INTO t1 (id, name) VALUES {values};\n\n-- ratchet:down\nDROP TABLE t1;\n";
        var revision = SqlFileSource.FromText("000001__table_1.sql", text);
        Assert.Equal("db71708676a4d1b772753f05b545d5d98024c3c43475863c0b66a4c4617187ad", revision.Up.Checksum);
    }
}
