using System.Globalization;

namespace Ratchet.Safety;

/// <summary>The engine and version a lint run is for: <c>postgres@15</c>, <c>sqlite@3.40</c>, <c>mysql@8.0</c>.</summary>
public sealed record LintTarget(string Engine, Version Version)
{
    /// <summary>PostgreSQL 15, the default when nothing says otherwise.</summary>
    public static LintTarget Default { get; } = new("postgres", new Version(15, 0));

    /// <summary>Whether this is PostgreSQL.</summary>
    public bool IsPostgres => Engine == "postgres";

    /// <summary>Whether this is SQLite.</summary>
    public bool IsSqlite => Engine == "sqlite";

    /// <summary>Whether this is MySQL or MariaDB.</summary>
    public bool IsMySql => Engine == "mysql";

    /// <summary>Whether the version is at least <paramref name="major"/>.<paramref name="minor"/>.</summary>
    public bool AtLeast(int major, int minor = 0) => Version >= new Version(major, minor);

    /// <summary>Parses <c>engine@version</c> (engine alone means its newest version the rules know).</summary>
    /// <exception cref="RatchetException">Not a target (bad input).</exception>
    public static LintTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split('@', 2);
        var engine = parts[0] switch
        {
            "postgres" or "postgresql" or "pg" => "postgres",
            "sqlite" or "sqlite3" => "sqlite",
            "mysql" or "mariadb" => "mysql",
            _ => throw new RatchetException(RatchetErrorKind.BadInput, $"--target {text}: unknown engine '{parts[0]}'; use postgres@15, sqlite@3.40 or mysql@8.0"),
        };
        if (parts.Length == 1)
        {
            return new LintTarget(engine, engine switch { "postgres" => new Version(17, 0), "sqlite" => new Version(3, 45), _ => new Version(8, 4) });
        }

        var version = parts[1].Contains('.', StringComparison.Ordinal) ? parts[1] : parts[1] + ".0";
        return Version.TryParse(version, out var v)
            ? new LintTarget(engine, v)
            : throw new RatchetException(RatchetErrorKind.BadInput, $"--target {text}: '{parts[1]}' is not a version (examples: postgres@15, postgres@14.2)");
    }

    /// <inheritdoc />
    public override string ToString() => Version.Minor == 0 && Version.Build <= 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Engine}@{Version.Major}")
        : string.Create(CultureInfo.InvariantCulture, $"{Engine}@{Version.Major}.{Version.Minor}");
}
