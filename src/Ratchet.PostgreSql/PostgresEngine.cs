using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Ratchet.Engines;

namespace Ratchet.PostgreSql;

/// <summary>
/// The PostgreSQL engine: transactional DDL, a session advisory lock for the runner, <c>lock_timeout</c> on every
/// migration statement with the blocking sessions named when it expires, and detection of invalid indexes.
/// </summary>
public sealed class PostgresEngine : IDatabaseEngine
{
    private readonly string _connectionString;
    private readonly PostgresEngineOptions _options;
    private readonly long _lockKey;

    /// <summary>Creates an engine for a connection string; <paramref name="displayName"/> must not hold a password.</summary>
    public PostgresEngine(string connectionString, string displayName, PostgresEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        _options = options ?? new PostgresEngineOptions();
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = _options.ApplicationName;
        }

        _connectionString = builder.ConnectionString;
        DisplayName = displayName;
        HistoryTables = new HistoryTableNames(_options.HistorySchema);
        _lockKey = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"ratchet:{_options.HistorySchema}.{HistoryTables.History}")), 0);
    }

    /// <summary>Creates an engine from a <c>postgres://</c> URL or a key=value connection string.</summary>
    /// <exception cref="RatchetException">The URL is malformed (exit 2); the message holds no password.</exception>
    public static PostgresEngine FromUrl(DatabaseUrl url, PostgresEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new PostgresEngine(PostgresConnectionString.Parse(url).ConnectionString, url.Redacted, options);
    }

    /// <summary>The Npgsql connection string for a <c>postgres://</c> URL or a key=value string.</summary>
    /// <exception cref="RatchetException">The URL is malformed (exit 2).</exception>
    public static string ToConnectionString(DatabaseUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return PostgresConnectionString.Parse(url).ConnectionString;
    }

    /// <inheritdoc />
    public string DisplayName { get; }

    /// <inheritdoc />
    public SqlDialect Dialect => PostgresDialect.Instance;

    /// <inheritdoc />
    public EngineCapabilities Capabilities { get; } = new() { TransactionalDdl = true, ConcurrentIndexes = true, Schemas = true };

    /// <inheritdoc />
    public HistoryTableNames HistoryTables { get; }

    /// <inheritdoc />
    public async Task<DbConnection?> OpenAsync(bool createIfMissing, CancellationToken cancellationToken)
    {
        var connection = await OpenNpgsqlAsync(cancellationToken).ConfigureAwait(false);
        if (connection.PostgreSqlVersion.Major >= 14)
        {
            // A killed runner's statement would otherwise run on (a pg_sleep, a long UPDATE) holding its locks until it
            // next writes to the socket; with this the server notices the client is gone within a second and aborts.
            await connection.ExecuteAsync("SET client_connection_check_interval = 1000", null, cancellationToken).ConfigureAwait(false);
        }

        return connection;
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireRunnerLockAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        PostgresAdvisoryLock.AcquireAsync(this, _lockKey, timeout, cancellationToken);

    /// <inheritdoc />
    public string DescribeError(DbException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not PostgresException pg)
        {
            return DatabaseUrl.Redact(exception.Message);
        }

        var text = new StringBuilder($"{pg.SqlState}: {pg.MessageText}");
        if (pg.Position > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" (at character {pg.Position})");
        }

        if (!string.IsNullOrEmpty(pg.Detail))
        {
            text.Append("; ").Append(pg.Detail);
        }

        if (!string.IsNullOrEmpty(pg.Hint))
        {
            text.Append("; hint: ").Append(pg.Hint);
        }

        return text.ToString();
    }

    /// <inheritdoc />
    public async Task BeginRevisionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var milliseconds = (long)_options.StatementLockTimeout.TotalMilliseconds;
        var scope = transaction is null ? "" : "LOCAL ";
        await connection.ExecuteAsync(string.Create(CultureInfo.InvariantCulture, $"SET {scope}lock_timeout = {milliseconds}"), transaction, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ExecuteStatementAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstLook = TimeSpan.FromMilliseconds(Math.Max(_options.StatementLockTimeout.TotalMilliseconds / 2, 50));
        var watcher = _options.StatementLockTimeout > TimeSpan.Zero
            ? PostgresBlockers.WatchAsync(this, ((NpgsqlConnection)connection).ProcessID, firstLook, stopWatching.Token)
            : Task.FromResult<IReadOnlyList<string>>([]);
        try
        {
            using var command = connection.Command(sql, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            await stopWatching.CancelAsync().ConfigureAwait(false);
            var blockers = await watcher.ConfigureAwait(false);
            throw new LockTimeoutException(
                $"could not get a lock within the lock timeout ({_options.StatementLockTimeout.TotalMilliseconds:0} ms): {e.MessageText}", blockers, e);
        }
        finally
        {
            await stopWatching.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> FindProblemsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        const string InvalidIndexes = """
            SELECT format('%I.%I', n.nspname, c.relname), format('%I.%I', tn.nspname, t.relname)
            FROM pg_catalog.pg_index i
            JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
            JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
            WHERE NOT i.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            ORDER BY 1
            """;
        using var command = connection.Command(InvalidIndexes);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            problems.Add($"index {reader.GetString(0)} on {reader.GetString(1)} is INVALID (left by a failed CREATE INDEX CONCURRENTLY, or still being built); " +
                $"fix: DROP INDEX CONCURRENTLY IF EXISTS {reader.GetString(0)}; then run `ratchet up` again");
        }

        return problems;
    }

    /// <summary>Opens a connection, turning connection failures into a clear error without the password.</summary>
    internal async Task<NpgsqlConnection> OpenNpgsqlAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            var reason = e is PostgresException pg ? $"{pg.SqlState}: {pg.MessageText}" : Innermost(e);
            throw new RatchetException(RatchetErrorKind.BadInput, $"cannot connect to {DisplayName}: {DatabaseUrl.Redact(reason)}", e);
        }
    }

    private static string Innermost(Exception e)
    {
        var messages = new List<string>();
        for (var current = e; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(": ", messages.Distinct());
    }
}
