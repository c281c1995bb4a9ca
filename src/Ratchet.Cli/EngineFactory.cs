using Ratchet.Engines;
using Ratchet.Sqlite;

namespace Ratchet.Cli;

/// <summary>Picks the engine for a URL by its scheme. Creating an engine does not connect.</summary>
internal static class EngineFactory
{
    public static IDatabaseEngine Create(DatabaseUrl url, string baseDirectory) => url.Scheme switch
    {
        "sqlite" or "sqlite3" or "file" => SqliteEngine.FromUrl(url, baseDirectory),
        "postgres" or "postgresql" or "" => throw Unsupported(url, "PostgreSQL support is not built yet"),
        "mysql" or "mariadb" => throw Unsupported(url, "MySQL and MariaDB are planned but not supported yet"),
        _ => throw new RatchetException(RatchetErrorKind.BadInput,
            $"unknown database URL scheme '{url.Scheme}:' in '{url.Redacted}'; use sqlite:path.db or postgres://user@host/db"),
    };

    private static RatchetException Unsupported(DatabaseUrl url, string why) =>
        new(RatchetErrorKind.BadInput, $"cannot use '{url.Redacted}': {why}");
}
