using System.Data.Common;
using Microsoft.Data.Sqlite;
using Ratchet.Engines;
using Ratchet.Revisions;

namespace Ratchet.Sqlite;

/// <summary>The SQLite engine: a database file (created on first use), a lock row, transactional DDL.</summary>
public sealed partial class SqliteEngine : IDatabaseEngine
{
    private readonly string _connectionString;
    private readonly string? _path;

    /// <summary>Creates an engine for a database file.</summary>
    /// <param name="path">The file, or <c>:memory:</c>.</param>
    /// <param name="displayName">How the database is named in messages (by default <c>sqlite:path</c>).</param>
    public SqliteEngine(string path, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _path = path == ":memory:" ? null : Path.GetFullPath(path);
        DisplayName = displayName ?? $"sqlite:{path}";
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _path ?? ":memory:",
            Pooling = false,
            ForeignKeys = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>Creates an engine from a <c>sqlite:</c> URL; a relative path is resolved against <paramref name="baseDirectory"/>.</summary>
    public static SqliteEngine FromUrl(DatabaseUrl url, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.Rest.StartsWith("//", StringComparison.Ordinal) ? url.Rest[2..] : url.Rest;
        if (path.Length == 0)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, $"malformed database URL '{url.Redacted}': sqlite: needs a file path, such as sqlite:app.db");
        }

        return path == ":memory:"
            ? new SqliteEngine(path, url.Redacted)
            : new SqliteEngine(Path.GetFullPath(path, baseDirectory), url.Redacted);
    }

    /// <inheritdoc />
    public string DisplayName { get; }

    /// <inheritdoc />
    public SqlDialect Dialect => SqliteDialect.Instance;

    /// <inheritdoc />
    public EngineCapabilities Capabilities { get; } = new() { TransactionalDdl = true };

    /// <inheritdoc />
    public HistoryTableNames HistoryTables => HistoryTableNames.Default;

    /// <summary>The full path of the database file; null in memory.</summary>
    public string? FilePath => _path;

    /// <inheritdoc />
    public async Task<DbConnection?> OpenAsync(bool createIfMissing, CancellationToken cancellationToken)
    {
        if (!createIfMissing && _path is not null && !File.Exists(_path))
        {
            return null;
        }

        if (_path is not null && !Directory.Exists(Path.GetDirectoryName(_path)))
        {
            throw new RatchetException(RatchetErrorKind.BadInput,
                $"cannot open database {DisplayName}: the folder {Path.GetDirectoryName(_path)} does not exist");
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            // Reading the schema makes SQLite check the file header now, not at the first migration.
            using var probe = connection.CreateCommand();
            probe.CommandText = "SELECT count(*) FROM sqlite_master";
            await probe.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (SqliteException e)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new RatchetException(RatchetErrorKind.BadInput, $"cannot open database {DisplayName}: {DescribeError(e)}", e);
        }
    }

    /// <inheritdoc />
    public Task<IAsyncDisposable> AcquireRunnerLockAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        SqliteRunnerLock.AcquireAsync(this, timeout, cancellationToken);

    /// <inheritdoc />
    public string DescribeError(DbException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Message;
    }

    /// <summary>
    /// A revision that rebuilds a table runs with <c>foreign_keys</c> off (it can only change outside a transaction), so
    /// dropping the old table neither fails nor cascades; before the commit every foreign key of the database is
    /// checked (<c>PRAGMA foreign_key_check</c>), and a row without its parent rolls the revision back. A revision that
    /// says <c>PRAGMA foreign_keys = OFF</c> itself (step 1 of SQLite's procedure, which does nothing inside a
    /// transaction) gets the same treatment: what it asks for happens, and is checked.
    /// </summary>
    public async Task<RevisionScope?> PrepareRevisionAsync(DbConnection connection, IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(statements);
        if (!statements.Any(s => s.Procedure is SqliteTableRebuild || ForeignKeysOff().IsMatch(s.Sql))
            || await connection.ScalarAsync("PRAGMA foreign_keys", null, cancellationToken).ConfigureAwait(false) is not 1L)
        {
            return null;
        }

        await connection.ExecuteAsync("PRAGMA foreign_keys = OFF", null, cancellationToken).ConfigureAwait(false);
        return new ForeignKeysBackOn(connection);
    }

    /// <summary>Checks every foreign key before the commit; turns foreign keys back on after it.</summary>
    private sealed class ForeignKeysBackOn(DbConnection session) : RevisionScope
    {
        public override async Task BeforeCommitAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            var violations = new List<string>();
            using (var command = connection.Command("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check", transaction))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && violations.Count < 5)
                {
                    violations.Add($"{reader.GetValue(0)} rowid {reader.GetValue(1)} -> {reader.GetValue(2)}");
                }
            }

            if (violations.Count > 0)
            {
                throw new RatchetException(RatchetErrorKind.MigrationFailed,
                    $"PRAGMA foreign_key_check reports rows whose foreign key has no parent, such as {string.Join("; ", violations)}; the revision was rolled back");
            }
        }

        public override async ValueTask DisposeAsync() =>
            await session.ExecuteAsync("PRAGMA foreign_keys = ON", null, CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task BeginRevisionAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task ExecuteStatementAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.Command(sql, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ExecuteBatchAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<BatchCommand> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(commands);
        for (var i = 0; i < commands.Count; i++)
        {
            try
            {
                if (commands[i].Procedure is SqliteTableRebuild rebuild)
                {
                    await rebuild.ExecuteAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                using var command = connection.Command(commands[i].Sql, transaction, 0, [.. commands[i].Parameters]);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                throw new StatementFailedException(i, e);
            }
        }
    }

    /// <inheritdoc />
    public Task<Schema.SchemaModel> ReadSchemaAsync(DbConnection connection, CancellationToken cancellationToken) =>
        SqliteSchemaReader.ReadAsync(connection, OwnTables, cancellationToken);

    /// <summary>Ratchet's own tables, left out of the schema.</summary>
    internal static IReadOnlySet<string> OwnTables { get; } =
        new HashSet<string>(["ratchet_history", "ratchet_log", "ratchet_lock", "ratchet_schema"], StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public Task<ScratchDatabase> CreateScratchAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "ratchet-scratch", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var engine = new SqliteEngine(Path.Combine(folder, "scratch.db"), "sqlite:(scratch)");
        return Task.FromResult(new ScratchDatabase(engine, () =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temporary file is harmless.
            }

            return ValueTask.CompletedTask;
        }));
    }

    /// <inheritdoc />
    public async Task<string?> SchemaSignatureAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Convert.ToString(await connection.ScalarAsync("PRAGMA schema_version", null, cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> FindProblemsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);

    internal SqliteConnection CreateConnection(int busyTimeoutSeconds) =>
        new(new SqliteConnectionStringBuilder(_connectionString) { DefaultTimeout = busyTimeoutSeconds }.ToString());

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*PRAGMA\s+(main\s*\.\s*)?foreign_keys\s*=\s*(OFF|0|FALSE|NO)\s*;?\s*$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ForeignKeysOff();
}
