namespace Ratchet.Engines;

/// <summary>
/// Where the history tables live: an optional schema and the table names (history, log, schema snapshots, and the
/// progress of online revisions).
/// </summary>
public sealed record HistoryTableNames(string? Schema, string History = "ratchet_history", string Log = "ratchet_log", string Snapshots = "ratchet_schema",
    string Online = "ratchet_online")
{
    /// <summary>The default names, in the engine's default schema.</summary>
    public static HistoryTableNames Default { get; } = new((string?)null);
}
