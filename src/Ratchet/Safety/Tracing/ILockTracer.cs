using System.Data.Common;
using Ratchet.Revisions;

namespace Ratchet.Safety.Tracing;

/// <summary>
/// An engine that can run a revision's statements one by one in a transaction and see what each does: the locks it
/// takes, the tables it rewrites or scans, the indexes it leaves invalid (PostgreSQL). The transaction is rolled back.
/// </summary>
public interface ILockTracer
{
    /// <summary>Traces the statements of <paramref name="revision"/>'s up on <paramref name="connection"/>, then rolls back.</summary>
    /// <param name="connection">A connection to a scratch database.</param>
    /// <param name="revision">The revision.</param>
    /// <param name="lockTimeout">The lock_timeout the runner would set (zero: none).</param>
    /// <param name="cancellationToken">Cancels the trace.</param>
    /// <exception cref="RatchetException">A statement failed on the scratch database.</exception>
    Task<IReadOnlyList<StatementTrace>> TraceAsync(DbConnection connection, Revision revision, TimeSpan lockTimeout, CancellationToken cancellationToken);
}
