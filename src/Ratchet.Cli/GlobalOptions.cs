using System.CommandLine;

namespace Ratchet.Cli;

/// <summary>The options every command takes.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Url { get; } = new("--url")
    {
        Description = "Database URL: sqlite:path.db or postgres://user:pass@host:port/db (overrides RATCHET_URL, DATABASE_URL, ratchet.toml)",
        Recursive = true,
    };

    public Option<string?> Dir { get; } = new("--dir")
    {
        Description = "Migrations folder (overrides ratchet.toml; default: migrations)",
        Recursive = true,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Configuration file (default: ./ratchet.toml when it exists)",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write one JSON document (NDJSON events for up and down) instead of text",
        Recursive = true,
    };

    public Option<string?> LockTimeout { get; } = new("--lock-timeout")
    {
        Description = "How long to wait for another runner's lock, such as 60s or 500ms (default 60s)",
        Recursive = true,
    };

    public Option<string?> StatementLockTimeout { get; } = new("--statement-lock-timeout")
    {
        Description = "PostgreSQL lock_timeout for each migration statement; a revision that hits it is retried (default 5s; 0 turns it off)",
        Recursive = true,
    };

    public Option<string?> LockRetries { get; } = new("--lock-retries")
    {
        Description = "How many times a revision that hit the statement lock timeout is tried (default 5)",
        Recursive = true,
    };

    public Option<string?> HistorySchema { get; } = new("--history-schema")
    {
        Description = "PostgreSQL schema of ratchet_history and ratchet_log (default public)",
        Recursive = true,
    };

    public Option<string?> Layout { get; } = new("--layout")
    {
        Description = "The migrations folder's layout: native, golang-migrate, dbmate, goose, flyway, folders, alembic (default: detected)",
        Recursive = true,
    };

    public Option<string?> Decision { get; } = new("--decision")
    {
        Description = "Why: written into kb/decisions.log with the line this command appends (new, up, down, stamp, merge)",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Url, Dir, Config, Json, LockTimeout, StatementLockTimeout, LockRetries, HistorySchema, Layout, Decision];
}
