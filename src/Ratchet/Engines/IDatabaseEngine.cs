using System.Data.Common;
using Ratchet.Revisions;

namespace Ratchet.Engines;

/// <summary>
/// One database engine behind one interface: how to connect, its SQL dialect, its runner lock and what it can do.
/// Providers live in their own assemblies (Ratchet.Sqlite, Ratchet.PostgreSql), so users pull only the driver they use.
/// </summary>
public interface IDatabaseEngine
{
    /// <summary>The connection target with any password removed, for messages.</summary>
    string DisplayName { get; }

    /// <summary>The SQL dialect.</summary>
    SqlDialect Dialect { get; }

    /// <summary>What the engine can do.</summary>
    EngineCapabilities Capabilities { get; }

    /// <summary>Where Ratchet keeps its history tables.</summary>
    HistoryTableNames HistoryTables { get; }

    /// <summary>
    /// Opens a connection. With <paramref name="createIfMissing"/> false, returns null when the database does not
    /// exist yet (an embedded file that was never created), so read-only commands create nothing.
    /// </summary>
    /// <exception cref="RatchetException">The database cannot be reached; the message never holds a password.</exception>
    Task<DbConnection?> OpenAsync(bool createIfMissing, CancellationToken cancellationToken);

    /// <summary>Takes the one-runner-at-a-time lock, waiting at most <paramref name="timeout"/>.</summary>
    /// <exception cref="LockNotAcquiredException">Another runner holds it; the exception names the holder.</exception>
    Task<IAsyncDisposable> AcquireRunnerLockAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>The server's error in one line (message, code, position) for a failed statement.</summary>
    string DescribeError(DbException exception);

    /// <summary>
    /// Called before a revision's transaction begins, with the statements it will run: an engine that must change
    /// session settings outside the transaction does so here (SQLite turns <c>foreign_keys</c> off for a table
    /// rebuild) and returns the scope that checks before the commit and restores after it; otherwise null.
    /// </summary>
    Task<RevisionScope?> PrepareRevisionAsync(DbConnection connection, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken);

    /// <summary>
    /// Prepares a revision's transaction (or, with no transaction, its session) before its first statement: on
    /// PostgreSQL, <c>SET LOCAL lock_timeout</c>.
    /// </summary>
    Task BeginRevisionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Runs one migration statement.</summary>
    /// <exception cref="DbException">The statement failed.</exception>
    /// <exception cref="LockTimeoutException">It waited longer than the lock timeout; the exception names the blockers.</exception>
    Task ExecuteStatementAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the commands of one transactional revision (its statements, then its history rows), in order, inside
    /// <paramref name="transaction"/>, with as few round trips as the engine allows (PostgreSQL pipelines them).
    /// </summary>
    /// <exception cref="StatementFailedException">A command failed; it says which.</exception>
    Task ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BatchCommand> commands, CancellationToken cancellationToken);

    /// <summary>
    /// Runs the commands as one transaction of their own, committed after the last one succeeds and rolled back when one
    /// fails (the failure says which), with as few round trips as the engine allows: PostgreSQL sends the commands and
    /// the commit in one pipeline. By default: a transaction, <see cref="ExecuteBatchAsync"/>, a commit.
    /// </summary>
    /// <exception cref="StatementFailedException">A command failed; it says which; nothing was committed.</exception>
    async Task ExecuteTransactionAsync(DbConnection connection, IReadOnlyList<BatchCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteBatchAsync(connection, transaction, commands, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Whether <see cref="ExecuteTransactionsAsync"/> sends several revisions' transactions together (fewer round trips
    /// than one <see cref="ExecuteTransactionAsync"/> each), so the runner should hand it runs of plain revisions.
    /// </summary>
    bool SendsTransactionsTogether => false;

    /// <summary>
    /// Runs each unit as a transaction of its own (as <see cref="ExecuteTransactionAsync"/>), in order, and stops at the
    /// first that fails: it is rolled back and the ones after it are not run. PostgreSQL sends them in one pipeline,
    /// each between its own BEGIN and COMMIT. By default: one <see cref="ExecuteTransactionAsync"/> per unit.
    /// </summary>
    /// <returns>The duration of each unit that committed, and the failure of the next one if one failed.</returns>
    async Task<TransactionsResult> ExecuteTransactionsAsync(DbConnection connection, IReadOnlyList<IReadOnlyList<BatchCommand>> units,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        var committed = new List<TimeSpan>(units.Count);
        foreach (var unit in units)
        {
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                await ExecuteTransactionAsync(connection, unit, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is StatementFailedException or OperationCanceledException)
            {
                return new TransactionsResult(committed, e);
            }

            committed.Add(stopwatch.Elapsed);
        }

        return new TransactionsResult(committed, null);
    }

    /// <summary>The user's schema, read from the catalogs (Ratchet's own tables left out).</summary>
    Task<Schema.SchemaModel> ReadSchemaAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// A new, empty database of the same engine (PostgreSQL: a temporary database on the same server; SQLite: a
    /// temporary file), dropped when the returned object is disposed.
    /// </summary>
    Task<ScratchDatabase> CreateScratchAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A cheap value that changes whenever the schema changes (SQLite: <c>PRAGMA schema_version</c>), so drift checks can
    /// skip reading the catalogs; null when the engine has none. It may change without a schema change, never the reverse.
    /// </summary>
    Task<string?> SchemaSignatureAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// Problems a failed run may leave that the engine can see, each with its fix: on PostgreSQL, an invalid index
    /// left by a failed <c>CREATE INDEX CONCURRENTLY</c>.
    /// </summary>
    Task<IReadOnlyList<string>> FindProblemsAsync(DbConnection connection, CancellationToken cancellationToken);
}
