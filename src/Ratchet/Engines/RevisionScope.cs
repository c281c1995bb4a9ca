using System.Data.Common;

namespace Ratchet.Engines;

/// <summary>
/// Session settings an engine changes around one revision's transaction (SQLite turns <c>foreign_keys</c> off for a
/// table rebuild): a last check before the commit, and the restore after the commit or rollback.
/// </summary>
public abstract class RevisionScope : IAsyncDisposable
{
    /// <summary>Runs inside the transaction, after the revision's statements; throwing rolls the revision back.</summary>
    public virtual Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Restores the session after the commit or rollback.</summary>
    public abstract ValueTask DisposeAsync();
}
