using Ratchet.Engines;

namespace Ratchet.Cli.Configuration;

/// <summary>
/// The settings of one invocation, each from the first place that gives it: command line, environment,
/// <c>ratchet.toml</c>, default. Relative paths in <c>ratchet.toml</c> are relative to the file's folder.
/// </summary>
internal sealed record Settings
{
    public const string DefaultUrl = "sqlite:ratchet.db";
    public const string DefaultDirectory = "migrations";

    /// <summary>The migrations folder on disk.</summary>
    public required string MigrationsDirectory { get; init; }

    /// <summary>The layout of the migrations folder (<c>--layout</c>, <c>[migrations] layout</c>); null: detected.</summary>
    public string? Layout { get; init; }

    /// <summary>The migrations folder as the user would write it (for messages).</summary>
    public required string MigrationsDisplay { get; init; }

    public required DatabaseUrl Url { get; init; }

    /// <summary>The folder a relative SQLite path is resolved against.</summary>
    public required string UrlBaseDirectory { get; init; }

    /// <summary>Where the URL came from: option, RATCHET_URL, DATABASE_URL, ratchet.toml or default.</summary>
    public required string UrlSource { get; init; }

    public required TimeSpan LockTimeout { get; init; }

    /// <summary>The engine's per-statement lock timeout (PostgreSQL <c>lock_timeout</c>).</summary>
    public required TimeSpan StatementLockTimeout { get; init; }

    /// <summary>How many times a revision that hit the statement lock timeout is tried.</summary>
    public required int LockRetries { get; init; }

    /// <summary>The schema of the history tables on engines that have schemas.</summary>
    public required string HistorySchema { get; init; }

    public required RatchetConfig Config { get; init; }

    /// <summary>Where the knowledge base is (the project folder: the configuration file's, else the working directory).</summary>
    public required KnowledgePaths Knowledge { get; init; }

    public static Settings Resolve(CliEnvironment environment, CommandLineSettings options)
    {
        var (urlOption, dirOption, configOption, lockTimeoutOption) = (options.Url, options.Dir, options.Config, options.LockTimeout);
        var config = ConfigLoader.Load(configOption, environment.WorkingDirectory);
        var cwd = environment.WorkingDirectory;
        var (url, source, urlBase) = urlOption is not null ? (urlOption, "--url", cwd)
            : environment.GetVariable("RATCHET_URL") is { Length: > 0 } ratchetUrl ? (ratchetUrl, "RATCHET_URL", cwd)
            : environment.GetVariable("DATABASE_URL") is { Length: > 0 } databaseUrl ? (databaseUrl, "DATABASE_URL", cwd)
            : config.Url is not null ? (config.Url, "ratchet.toml", config.BaseDirectory)
            : (DefaultUrl, "default", config.Path is null ? cwd : config.BaseDirectory);
        var (dir, dirBase) = dirOption is not null ? (dirOption, cwd)
            : config.MigrationsDirectory is not null ? (config.MigrationsDirectory, config.BaseDirectory)
            : (DefaultDirectory, config.Path is null ? cwd : config.BaseDirectory);
        var fullDir = Path.GetFullPath(dir, dirBase);
        return new Settings
        {
            MigrationsDirectory = fullDir,
            MigrationsDisplay = Display(fullDir, cwd),
            Layout = options.Layout ?? config.Layout,
            Url = DatabaseUrl.Parse(url),
            UrlBaseDirectory = urlBase,
            UrlSource = source,
            LockTimeout = lockTimeoutOption ?? config.LockTimeout ?? TimeSpan.FromSeconds(60),
            StatementLockTimeout = options.StatementLockTimeout ?? config.StatementLockTimeout ?? TimeSpan.FromSeconds(5),
            LockRetries = options.LockRetries ?? config.LockRetries ?? 5,
            HistorySchema = options.HistorySchema ?? config.HistorySchema ?? "public",
            Config = config,
            Knowledge = KnowledgePaths.Resolve(config, config.Path is null ? cwd : config.BaseDirectory, cwd),
        };
    }

    private static string Display(string path, string cwd)
    {
        var relative = Path.GetRelativePath(cwd, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
