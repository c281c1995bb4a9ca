using Ratchet.Cli.Configuration;
using Ratchet.Engines;
using Ratchet.PostgreSql;
using Ratchet.Sqlite;

namespace Ratchet.Cli;

/// <summary>Picks the engine for a URL by its scheme. Creating an engine does not connect.</summary>
internal static class EngineFactory
{
    public static IDatabaseEngine Create(Settings settings)
    {
        var url = settings.Url;
        return url.Scheme switch
        {
            "sqlite" or "sqlite3" or "file" => SqliteEngine.FromUrl(url, settings.UrlBaseDirectory),
            "postgres" or "postgresql" or "" => PostgresEngine.FromUrl(url, new PostgresEngineOptions
            {
                HistorySchema = settings.HistorySchema,
                StatementLockTimeout = settings.StatementLockTimeout,
            }),
            "mysql" or "mariadb" => throw new RatchetException(RatchetErrorKind.BadInput,
                $"cannot use '{url.Redacted}': MySQL and MariaDB are planned but not supported yet"),
            _ => throw new RatchetException(RatchetErrorKind.BadInput,
                $"unknown database URL scheme '{url.Scheme}:' in '{url.Redacted}'; use sqlite:path.db or postgres://user@host/db"),
        };
    }
}
