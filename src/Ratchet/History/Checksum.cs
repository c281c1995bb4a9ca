using System.Security.Cryptography;
using System.Text;
using Ratchet.Sources;

namespace Ratchet.History;

/// <summary>
/// Checksums of SQL that ignore whitespace and comments: the text is hashed token by token (SHA-256), so
/// reformatting or commenting an applied revision does not change its checksum, while any change to a keyword,
/// identifier or literal does.
/// </summary>
internal static class Checksum
{
    /// <summary>The checksum of the non-comment tokens <c>[from, to)</c> of <paramref name="source"/>.</summary>
    public static string OfTokens(string source, IReadOnlyList<SqlToken> tokens, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(tokens);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> separator = [0x1F];
        for (var k = from; k < to; k++)
        {
            var token = tokens[k];
            if (token.IsComment)
            {
                continue;
            }

            hash.AppendData(Encoding.UTF8.GetBytes(source, token.Start, token.Length));
            hash.AppendData(separator);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The checksum of SQL text, ignoring whitespace and comments.</summary>
    public static string OfSql(string sql)
    {
        var tokens = SqlLexer.Tokenize(sql);
        return OfTokens(sql, tokens, 0, tokens.Count);
    }

    /// <summary>The checksum of any text, exactly as written.</summary>
    public static string OfText(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
