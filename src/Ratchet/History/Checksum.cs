using System.Buffers;
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
        // The tokens' UTF-8 bytes, each followed by 0x1F, hashed in one call: the same digest as appending them one by one,
        // without a call into the crypto library for each token.
        var bytes = new ArrayBufferWriter<byte>(Math.Max(256, source.Length + source.Length / 4));
        for (var k = from; k < to; k++)
        {
            var token = tokens[k];
            if (token.IsComment)
            {
                continue;
            }

            var chars = source.AsSpan(token.Start, token.Length);
            var span = bytes.GetSpan(Encoding.UTF8.GetMaxByteCount(chars.Length) + 1);
            var written = Encoding.UTF8.GetBytes(chars, span);
            span[written] = 0x1F;
            bytes.Advance(written + 1);
        }

        return Convert.ToHexStringLower(SHA256.HashData(bytes.WrittenSpan));
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
