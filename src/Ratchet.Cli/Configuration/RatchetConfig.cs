namespace Ratchet.Cli.Configuration;

/// <summary>What <c>ratchet.toml</c> says; every value optional.</summary>
internal sealed record RatchetConfig
{
    /// <summary>The file it was read from (null when there is none).</summary>
    public string? Path { get; init; }

    /// <summary>The folder relative paths in the file are resolved against.</summary>
    public required string BaseDirectory { get; init; }

    public string? Url { get; init; }

    public string? MigrationsDirectory { get; init; }

    /// <summary><c>[migrations] layout</c>: native or another tool's (detected when not given).</summary>
    public string? Layout { get; init; }

    public TimeSpan? LockTimeout { get; init; }

    public TimeSpan? StatementLockTimeout { get; init; }

    public int? LockRetries { get; init; }

    /// <summary>The <c>[online]</c> section, defaults filled in.</summary>
    public Ratchet.Online.OnlineOptions Online { get; init; } = new();

    public string? HistorySchema { get; init; }

    /// <summary><c>[knowledge]</c>: where the team's knowledge base lives (each value relative to the file).</summary>
    public string? KnowledgeFolder { get; init; }

    public string? DecisionsLog { get; init; }

    public string? BackendPatterns { get; init; }

    public string? DesignNotes { get; init; }

    public string? ApiContracts { get; init; }
}
