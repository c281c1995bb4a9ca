using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Ratchet.Engines;
using Ratchet.Revisions;

namespace Ratchet.PostgreSql;

/// <summary>
/// The PostgreSQL engine: transactional DDL, a session advisory lock for the runner, <c>lock_timeout</c> on every
/// migration statement with the blocking sessions named when it expires, and detection of invalid indexes.
/// </summary>
public sealed partial class PostgresEngine : IDatabaseEngine, Safety.Tracing.ILockTracer, Ratchet.Online.IOnlineEngine
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

        // A failed batch must say which statement failed (Npgsql leaves it out unless asked), to name its file:line.
        builder.IncludeFailedBatchedCommand = true;

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
        var builder = PostgresConnectionString.Parse(url);
        // A key=value string is shown as a URL rebuilt from its parts: only a URL form is sure to be fully redacted.
        var display = url.Scheme.Length > 0
            ? url.Redacted
            : $"postgres://{builder.Username}@{builder.Host}{(builder.Port == 5432 ? "" : $":{builder.Port}")}/{builder.Database}";
        return new PostgresEngine(builder.ConnectionString, display, options);
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
    public EngineCapabilities Capabilities { get; } = new() { TransactionalDdl = true, ConcurrentIndexes = true, Schemas = true, AlterTableInPlace = true };

    /// <inheritdoc />
    public HistoryTableNames HistoryTables { get; }

    /// <inheritdoc />
    public async Task<DbConnection?> OpenAsync(bool createIfMissing, CancellationToken cancellationToken)
    {
        var connection = await OpenNpgsqlAsync(cancellationToken).ConfigureAwait(false);
        var settings = LockTimeoutSetting("");
        if (connection.PostgreSqlVersion.Major >= 14)
        {
            // A killed runner's statement would otherwise run on (a pg_sleep, a long UPDATE) holding its locks until it
            // next writes to the socket; with this the server notices the client is gone within a second and aborts.
            settings += "; SET client_connection_check_interval = 1000";
        }

        await connection.ExecuteAsync(settings, null, cancellationToken).ConfigureAwait(false);
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
    public Task<RevisionScope?> PrepareRevisionAsync(DbConnection connection, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken) =>
        Task.FromResult<RevisionScope?>(null);

    /// <summary>
    /// A transactional revision gets <c>SET LOCAL lock_timeout</c> as the first command of its batch (no extra round
    /// trip, and whatever an earlier revision did to the session cannot leak into it); a revision outside a
    /// transaction sets it for the session before its first statement.
    /// </summary>
    public async Task BeginRevisionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (transaction is null)
        {
            await connection.ExecuteAsync(LockTimeoutSetting(""), null, cancellationToken).ConfigureAwait(false);
        }
    }

    private string LockTimeoutSetting(string scope) => Dialect.LockTimeoutStatement(_options.StatementLockTimeout, local: scope.Length > 0)!;

    /// <inheritdoc />
    public async Task ExecuteStatementAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        using var command = connection.Command(sql, transaction);
        await WatchedAsync((NpgsqlConnection)connection, () => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends the statements as pipelined batches of up to <see cref="BatchSize"/>: one round trip each instead of one
    /// per statement. The server runs them in order and stops at the first error, which names its batch command.
    /// </summary>
    public async Task ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BatchCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(commands);
        var npgsql = (NpgsqlConnection)connection;
        for (var start = 0; start < commands.Count; start += BatchSize)
        {
            using var batch = new NpgsqlBatch(npgsql, (NpgsqlTransaction)transaction) { Timeout = 0 };
            var offset = 0;
            if (start == 0)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(LockTimeoutSetting("LOCAL ")));
                offset = 1;
            }

            foreach (var command in commands.Skip(start).Take(BatchSize))
            {
                if (command.Procedure is { } procedure)
                {
                    throw new NotSupportedException($"PostgreSQL does not run generated procedures ({procedure.Describe()})");
                }

                batch.BatchCommands.Add(ToNpgsql(command));
            }

            try
            {
                await WatchedAsync(npgsql, () => batch.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is NpgsqlException or LockTimeoutException)
            {
                var failed = ServerError(e)?.BatchCommand;
                var index = failed is null ? 0 : Math.Max(batch.BatchCommands.IndexOf(failed) - offset, 0);
                throw new StatementFailedException(start + index, e);
            }
        }
    }

    /// <summary>
    /// One pipeline without an explicit transaction: PostgreSQL runs the commands up to the pipeline's Sync as one
    /// implicit transaction, which commits at the Sync, or rolls back whole when a command fails (the rest are skipped).
    /// One round trip for the whole revision, its history rows and its commit. A longer list goes in an explicit
    /// transaction, in batches.
    /// </summary>
    public async Task ExecuteTransactionAsync(DbConnection connection, IReadOnlyList<BatchCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(commands);
        var npgsql = (NpgsqlConnection)connection;
        if (!FitsOnePipeline(commands))
        {
            using var transaction = await npgsql.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteBatchAsync(connection, transaction, commands, cancellationToken).ConfigureAwait(false);
            try
            {
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException e)
            {
                throw new StatementFailedException(StatementFailedException.AtCommit, e);
            }

            return;
        }

        using var batch = new NpgsqlBatch(npgsql) { Timeout = 0 };
        // set_config(..., true) rather than SET LOCAL: the same effect in the pipeline's implicit transaction, without the
        // server's "SET LOCAL can only be used in transaction blocks" warning in its log on every revision.
        batch.BatchCommands.Add(new NpgsqlBatchCommand(string.Create(CultureInfo.InvariantCulture,
            $"SELECT set_config('lock_timeout', '{(long)_options.StatementLockTimeout.TotalMilliseconds}', true)")));
        foreach (var command in commands)
        {
            batch.BatchCommands.Add(ToNpgsql(command));
        }

        try
        {
            await WatchedAsync(npgsql, () => batch.ExecuteNonQueryAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or LockTimeoutException)
        {
            // The server's error without a command is the implicit commit's at the pipeline's end (a deferred constraint).
            var server = ServerError(e);
            throw new StatementFailedException(server?.BatchCommand is { } failed ? Math.Max(batch.BatchCommands.IndexOf(failed) - 1, 0)
                : server is not null ? StatementFailedException.AtCommit : 0, e);
        }
    }

    /// <summary>A revision short enough for one pipeline with its commit, and without generated procedures.</summary>
    private static bool FitsOnePipeline(IReadOnlyList<BatchCommand> commands) => commands.Count < BatchSize && commands.All(c => c.Procedure is null);

    /// <summary>The server's error behind a failed batch (itself, or wrapped in a lock timeout or a cancellation).</summary>
    private static PostgresException? ServerError(Exception e) => e as PostgresException ?? e.InnerException as PostgresException;

    /// <summary>
    /// A batch command. Ratchet's own commands name their parameters <c>@name</c>; a batch command takes positional
    /// <c>$1</c> placeholders, so the lexer finds the parameter tokens (never text inside strings or quoted names) and
    /// they are renumbered.
    /// </summary>
    internal static NpgsqlBatchCommand ToNpgsql(BatchCommand command)
    {
        var batchCommand = new NpgsqlBatchCommand();
        if (command.Parameters.Count == 0)
        {
            batchCommand.CommandText = command.Sql;
            return batchCommand;
        }

        batchCommand.CommandText = Positional.GetOrAdd((command.Sql, string.Join(',', command.Parameters.Select(p => p.Name))), static (_, command) =>
        {
            var positions = command.Parameters.Select((p, i) => (p.Name, Position: i + 1)).ToDictionary(p => p.Name, p => p.Position, StringComparer.Ordinal);
            var sql = new StringBuilder();
            var copied = 0;
            foreach (var token in Sources.SqlLexer.Tokenize(command.Sql).Where(t => t.Kind == Sources.SqlTokenKind.Parameter))
            {
                if (positions.TryGetValue(token.Text(command.Sql).ToString(), out var position))
                {
                    sql.Append(command.Sql, copied, token.Start - copied).Append('$').Append(position.ToString(CultureInfo.InvariantCulture));
                    copied = token.End;
                }
            }

            return sql.Append(command.Sql, copied, command.Sql.Length - copied).ToString();
        }, command);
        foreach (var (_, value) in command.Parameters)
        {
            batchCommand.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return batchCommand;
    }

    /// <summary>Ratchet's own parameterized commands (history rows) rewritten to positional parameters, by text and parameter names.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Sql, string Names), string> Positional = new();

    /// <summary>Statements per pipelined batch: large enough to save round trips, small enough that results never back up.</summary>
    private const int BatchSize = 64;

    /// <summary>
    /// Runs <paramref name="work"/> while watching for sessions that block it; a lock timeout names them. The watch is a
    /// timer that starts polling from a second connection only once the work has run for half the lock timeout, so the
    /// common case (a statement that finishes quickly) costs no task, no thread hop and no connection.
    /// </summary>
    private async Task WatchedAsync(NpgsqlConnection connection, Func<Task> work, CancellationToken cancellationToken, TimeSpan? lockTimeout = null)
    {
        var timeout = lockTimeout ?? _options.StatementLockTimeout;
        if (timeout <= TimeSpan.Zero)
        {
            await work().ConfigureAwait(false);
            return;
        }

        var firstLook = TimeSpan.FromMilliseconds(Math.Max(timeout.TotalMilliseconds / 2, 20));
        using var watch = new BlockerWatch(this, connection.ProcessID, firstLook, cancellationToken);
        try
        {
            await work().ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            var blockers = await watch.StopAsync().ConfigureAwait(false);
            throw new LockTimeoutException(
                $"could not get a lock within the lock timeout ({timeout.TotalMilliseconds:0} ms): {e.MessageText}", blockers, e);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Safety.Tracing.StatementTrace>> TraceAsync(DbConnection connection, Revision revision, TimeSpan lockTimeout, CancellationToken cancellationToken) =>
        PostgresLockTracer.TraceAsync(this, (NpgsqlConnection)connection, revision, lockTimeout, cancellationToken);

    /// <inheritdoc />
    public Task<Schema.SchemaModel> ReadSchemaAsync(DbConnection connection, CancellationToken cancellationToken) =>
        PostgresSchemaReader.ReadAsync((NpgsqlConnection)connection, _options.HistorySchema, cancellationToken);

    /// <summary>
    /// A temporary database on the same server (the user needs CREATEDB), named <c>ratchet_scratch_...</c> and dropped
    /// with <c>WITH (FORCE)</c> afterwards.
    /// </summary>
    public async Task<ScratchDatabase> CreateScratchAsync(CancellationToken cancellationToken)
    {
        var name = "ratchet_scratch_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = await OpenNpgsqlAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await connection.ExecuteAsync($"CREATE DATABASE {Dialect.QuoteIdentifier(name)}", null, cancellationToken).ConfigureAwait(false);

                // Nothing on a scratch database needs to survive a crash: commits need not wait for the disk.
                await connection.ExecuteAsync($"ALTER DATABASE {Dialect.QuoteIdentifier(name)} SET synchronous_commit = off", null, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    $"cannot create a scratch database on {DisplayName}: {e.MessageText}", e)
                {
                    Hints = ["the user needs CREATEDB (ALTER ROLE ... CREATEDB), or point --url at a server where it has it"],
                };
            }
        }

        // Pooled: the stairway opens connections for every step. The pool is cleared before the drop.
        var builder = new NpgsqlConnectionStringBuilder(_connectionString) { Database = name };
        var scratch = new PostgresEngine(builder.ConnectionString, $"postgres://(scratch {name})", _options);
        return new ScratchDatabase(scratch, async () =>
        {
            using (var pooled = new NpgsqlConnection(scratch._connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            using var connection = await OpenNpgsqlAsync(CancellationToken.None).ConfigureAwait(false);
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {Dialect.QuoteIdentifier(name)} WITH (FORCE)", null, CancellationToken.None).ConfigureAwait(false);
        });
    }

    /// <summary>PostgreSQL keeps no schema counter: drift checks read the catalogs.</summary>
    public Task<string?> SchemaSignatureAsync(DbConnection connection, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

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
