using System.Text.RegularExpressions;

namespace Ratchet.Engines;

/// <summary>
/// A connection target as the user wrote it: <c>sqlite:path.db</c>, <c>postgres://user:pass@host:port/db</c>,
/// or an engine's key=value connection string. <see cref="Redacted"/> is the only form ever shown.
/// </summary>
public sealed partial record DatabaseUrl
{
    private DatabaseUrl(string raw, string scheme, string rest)
    {
        Raw = raw;
        Scheme = scheme;
        Rest = rest;
    }

    /// <summary>The text as given. Never print it: it may hold a password.</summary>
    public string Raw { get; }

    /// <summary>The scheme, lower case, without the colon (<c>sqlite</c>, <c>postgres</c>); empty for key=value strings.</summary>
    public string Scheme { get; }

    /// <summary>What follows <c>scheme:</c>.</summary>
    public string Rest { get; }

    /// <summary>The text with any password replaced by <c>***</c>.</summary>
    public string Redacted => Redact(Raw);

    /// <summary>Parses a URL or key=value connection string.</summary>
    /// <exception cref="RatchetException">The text is empty or has no scheme and no key=value pairs (exit 2).</exception>
    public static DatabaseUrl Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = text.Trim();
        if (raw.Length == 0)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, "the database URL is empty");
        }

        var match = SchemePattern().Match(raw);
        if (match.Success)
        {
            return new DatabaseUrl(raw, match.Groups[1].Value.ToLowerInvariant(), raw[match.Length..]);
        }

        if (raw.Contains('=', StringComparison.Ordinal))
        {
            return new DatabaseUrl(raw, "", raw);
        }

        throw new RatchetException(RatchetErrorKind.BadInput,
            $"malformed database URL '{Redact(raw)}': expected scheme:..., such as sqlite:app.db or postgres://user@host/db");
    }

    /// <summary>Removes passwords from any text that may hold a URL or connection string.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var withoutUserInfo = UserInfoPassword().Replace(text, "${pre}:***@");
        var withoutLooseUserInfo = LooseUserInfoPassword().Replace(withoutUserInfo, "${user}:***@");
        var withoutPairs = PasswordPair().Replace(withoutLooseUserInfo, "${key}=***");
        return SqlPassword().Replace(withoutPairs, "${key} '***'");
    }

    /// <inheritdoc />
    public override string ToString() => Redacted;

    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9+.-]*):(?!\\)", RegexOptions.CultureInvariant)]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"(?<pre>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]*):[^\s]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfoPassword();

    /// <summary>user:password@ without a well-formed scheme in front, as in a mistyped URL.</summary>
    [GeneratedRegex(@"(?<user>[A-Za-z0-9._%+-]+):(?!\*\*\*@)[^\s@/]+@", RegexOptions.CultureInvariant)]
    private static partial Regex LooseUserInfoPassword();

    /// <summary>A key=value pair whose key names a password (Password, SSL Password, sslpassword, pwd, psw), quoted or not.</summary>
    [GeneratedRegex(@"(?<key>\b\w*(?:password|pwd|psw)\s*)=\s*(?:""(?:[^""]|"""")*""|'(?:[^']|'')*'|[^;&\r\n]*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPair();

    /// <summary>A password in SQL text, such as <c>ALTER ROLE app PASSWORD 'secret'</c> seen in another session's query.</summary>
    [GeneratedRegex(@"(?<key>\bpassword)\s+'(?:[^']|'')*'", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SqlPassword();
}
