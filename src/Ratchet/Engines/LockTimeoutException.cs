namespace Ratchet.Engines;

/// <summary>
/// A statement gave up waiting for a lock (PostgreSQL <c>55P03</c>, after <c>lock_timeout</c>). The runner retries
/// with jittered backoff; when it gives up, the message names the sessions that were blocking.
/// </summary>
public sealed class LockTimeoutException(string error, IReadOnlyList<string> blockers, Exception? inner)
    : RatchetException(RatchetErrorKind.MigrationFailed, error, inner)
{
    /// <summary>The sessions seen blocking the statement (pid, user, application, client, state, query).</summary>
    public IReadOnlyList<string> Blockers { get; } = blockers;
}
