namespace Ratchet.PostgreSql;

/// <summary>Settings of the PostgreSQL engine.</summary>
public sealed record PostgresEngineOptions
{
    /// <summary>The schema of <c>ratchet_history</c> and <c>ratchet_log</c> (default <c>public</c>).</summary>
    public string HistorySchema { get; init; } = "public";

    /// <summary>
    /// <c>lock_timeout</c> for every migration statement (default 5 s): a statement that waits longer for a lock
    /// gives up, so it never queues other sessions behind it for longer; the runner retries. Zero turns it off.
    /// </summary>
    public TimeSpan StatementLockTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>application_name</c> of Ratchet's sessions, unless the connection string sets one.</summary>
    public string ApplicationName { get; init; } = "ratchet";
}
