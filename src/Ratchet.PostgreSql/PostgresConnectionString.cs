using System.Globalization;
using Npgsql;
using Ratchet.Engines;

namespace Ratchet.PostgreSql;

/// <summary>
/// Turns <c>postgres://user:pass@host:port/db?sslmode=require</c> or a key=value connection string into Npgsql's
/// connection string. Query parameters use libpq's names where they differ from Npgsql's.
/// </summary>
internal static class PostgresConnectionString
{
    private static readonly Dictionary<string, string> LibpqNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["application_name"] = "Application Name",
        ["connect_timeout"] = "Timeout",
        ["dbname"] = "Database",
        ["user"] = "Username",
        ["password"] = "Password",
        ["host"] = "Host",
        ["port"] = "Port",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
    };

    public static NpgsqlConnectionStringBuilder Parse(DatabaseUrl url)
    {
        try
        {
            return url.Scheme.Length == 0 ? new NpgsqlConnectionStringBuilder(url.Raw) : FromUrl(url);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"malformed PostgreSQL connection '{url.Redacted}': {DatabaseUrl.Redact(e.Message)}");
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(DatabaseUrl url)
    {
        if (!url.Rest.StartsWith("//", StringComparison.Ordinal))
        {
            throw new ArgumentException("expected postgres://[user[:password]@][host][:port][/database][?key=value&...]");
        }

        var rest = url.Rest[2..];
        var queryAt = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryAt >= 0 ? rest[(queryAt + 1)..] : "";
        rest = queryAt >= 0 ? rest[..queryAt] : rest;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash >= 0 ? rest[..slash] : rest;
        var database = slash >= 0 ? Uri.UnescapeDataString(rest[(slash + 1)..]) : "";
        var builder = new NpgsqlConnectionStringBuilder();

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = authority[..at];
            authority = authority[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        var (host, port) = SplitHostPort(authority);
        if (host.Length > 0)
        {
            builder.Host = host;
        }

        if (port is { } p)
        {
            builder.Port = p;
        }

        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq >= 0 ? pair[..eq] : pair);
            var value = Uri.UnescapeDataString(eq >= 0 ? pair[(eq + 1)..] : "");
            builder[LibpqNames.GetValueOrDefault(key, key)] = value;
        }

        return builder;
    }

    private static (string Host, int? Port) SplitHostPort(string authority)
    {
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            var host = authority[1..close];
            return (host, authority.Length > close + 2 ? ParsePort(authority[(close + 2)..]) : null);
        }

        var colon = authority.LastIndexOf(':');
        return colon >= 0 && !authority.Contains(',', StringComparison.Ordinal)
            ? (Uri.UnescapeDataString(authority[..colon]), ParsePort(authority[(colon + 1)..]))
            : (Uri.UnescapeDataString(authority), null);
    }

    private static int ParsePort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? port
            : throw new ArgumentException($"'{text}' is not a port number");
}
