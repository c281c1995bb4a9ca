namespace Ratchet.Cli.Configuration;

/// <summary>The settings given on the command line; null where an option was not given.</summary>
internal sealed record CommandLineSettings(
    string? Url,
    string? Dir,
    string? Config,
    TimeSpan? LockTimeout,
    TimeSpan? StatementLockTimeout,
    int? LockRetries,
    string? HistorySchema,
    string? Layout = null);
