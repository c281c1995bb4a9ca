using System.Globalization;
using Tomlyn;
using Tomlyn.Model;

namespace Ratchet.Cli.Configuration;

/// <summary>Reads <c>ratchet.toml</c>: <c>[database] url, lock_timeout</c> and <c>[migrations] dir</c>.</summary>
internal static class ConfigLoader
{
    public const string FileName = "ratchet.toml";

    /// <summary>Reads the named file, or <c>ratchet.toml</c> in the working directory when it exists.</summary>
    public static RatchetConfig Load(string? explicitPath, string workingDirectory)
    {
        var path = explicitPath is null ? Path.Combine(workingDirectory, FileName) : Path.GetFullPath(explicitPath, workingDirectory);
        if (!File.Exists(path))
        {
            return explicitPath is null
                ? new RatchetConfig { BaseDirectory = workingDirectory }
                : throw new RatchetException(RatchetErrorKind.BadInput, $"configuration file '{explicitPath}' does not exist");
        }

        var shown = explicitPath ?? FileName;
        TomlTable table;
        try
        {
            table = TomlSerializer.Deserialize<TomlTable>(File.ReadAllText(path)) ?? new TomlTable();
        }
        catch (TomlException e)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"{shown}: {e.Message}", e);
        }

        var database = Section(table, "database", shown);
        var migrations = Section(table, "migrations", shown);
        var knowledge = Section(table, "knowledge", shown);
        var online = Section(table, "online", shown);
        return new RatchetConfig
        {
            Path = path,
            BaseDirectory = Path.GetDirectoryName(path)!,
            Url = String(database, "url", shown),
            LockTimeout = String(database, "lock_timeout", shown) is { } timeout ? ParseDuration(timeout, $"{shown}: [database] lock_timeout") : null,
            StatementLockTimeout = String(database, "statement_lock_timeout", shown) is { } statement
                ? ParseDuration(statement, $"{shown}: [database] statement_lock_timeout")
                : null,
            LockRetries = String(database, "lock_retries", shown) is { } retries ? ParseCount(retries, $"{shown}: [database] lock_retries") : null,
            HistorySchema = String(database, "history_schema", shown),
            MigrationsDirectory = String(migrations, "dir", shown),
            Layout = String(migrations, "layout", shown),
            KnowledgeFolder = String(knowledge, "folder", shown),
            DecisionsLog = String(knowledge, "decisions", shown),
            BackendPatterns = String(knowledge, "patterns", shown),
            DesignNotes = String(knowledge, "design_notes", shown),
            ApiContracts = String(knowledge, "api_contracts", shown),
            Online = Online(online, shown),
        };
    }

    /// <summary>The <c>[online]</c> section: lock timeouts and retries of online steps, and the backfill's pace.</summary>
    private static Ratchet.Online.OnlineOptions Online(TomlTable? online, string shown)
    {
        var options = new Ratchet.Online.OnlineOptions();
        TimeSpan? Duration(string key) => String(online, key, shown) is { } text ? ParseDuration(text, $"{shown}: [online] {key}") : null;
        int? Count(string key) => String(online, key, shown) is { } text ? ParseCount(text, $"{shown}: [online] {key}") : null;
        return options with
        {
            LockTimeout = Duration("lock_timeout") ?? options.LockTimeout,
            GentleLockTimeout = Duration("gentle_lock_timeout") ?? options.GentleLockTimeout,
            LockAttempts = Count("lock_attempts") ?? options.LockAttempts,
            LockBudget = Duration("lock_budget") ?? options.LockBudget,
            BatchTime = Duration("batch_time") ?? options.BatchTime,
            BatchPause = Duration("batch_pause") ?? options.BatchPause,
            BatchSize = Count("batch_size") ?? options.BatchSize,
            MaxLoad = String(online, "max_load", shown) is { } load ? ParseLoad(load, $"{shown}: [online] max_load") : options.MaxLoad,
            MaxLoadWait = Duration("max_load_wait") ?? options.MaxLoadWait,
        };
    }

    /// <summary>Parses <c>60</c>, <c>60s</c>, <c>500ms</c>, <c>2m</c>.</summary>
    public static TimeSpan ParseDuration(string text, string what)
    {
        var t = text.Trim();
        var (number, scale) = t.EndsWith("ms", StringComparison.Ordinal) ? (t[..^2], 0.001)
            : t.EndsWith('s') ? (t[..^1], 1.0)
            : t.EndsWith('m') ? (t[..^1], 60.0)
            : (t, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * scale)
            : throw new RatchetException(RatchetErrorKind.BadInput, $"{what}: '{text}' is not a duration (examples: 60s, 500ms, 2m)");
    }

    /// <summary>Parses a count of at least 1.</summary>
    public static int ParseCount(string text, string what) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
            ? value
            : throw new RatchetException(RatchetErrorKind.BadInput, $"{what}: '{text}' is not a whole number of at least 1");

    /// <summary>Parses the load gate's limit: <c>off</c> (null), or a count of active sessions of at least 0.</summary>
    public static int? ParseLoad(string text, string what)
    {
        var value = text.Trim();
        return value.Equals("off", StringComparison.OrdinalIgnoreCase) ? null
            : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var limit)
                ? limit
                : throw new RatchetException(RatchetErrorKind.BadInput, $"{what}: '{text}' is neither 'off' nor a whole number of at least 0");
    }

    private static TomlTable? Section(TomlTable root, string name, string file) => root.TryGetValue(name, out var value)
        ? value as TomlTable ?? throw new RatchetException(RatchetErrorKind.BadInput, $"{file}: [{name}] must be a table")
        : null;

    private static string? String(TomlTable? table, string key, string file)
    {
        if (table is null || !table.TryGetValue(key, out var value))
        {
            return null;
        }

        return value switch
        {
            string s => s,
            long or double => Convert.ToString(value, CultureInfo.InvariantCulture),
            _ => throw new RatchetException(RatchetErrorKind.BadInput, $"{file}: '{key}' must be a string"),
        };
    }
}
