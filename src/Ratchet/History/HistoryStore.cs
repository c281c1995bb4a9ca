using System.Data.Common;
using System.Globalization;
using Ratchet.Engines;

namespace Ratchet.History;

/// <summary>
/// Reads and writes <c>ratchet_history</c> and <c>ratchet_log</c> through the engine's connection and dialect.
/// Every value is a parameter; every name is quoted by the dialect.
/// </summary>
internal sealed class HistoryStore
{
    private const string Columns =
        "revision_id, parents, message, kind, state, checksum_up, checksum_down, applied_at, applied_by, duration_ms, tool_version, sequence, journal, error";

    private readonly SqlDialect _dialect;
    private readonly HistoryTableNames _names;
    private readonly string _history;
    private readonly string _log;
    private readonly string _snapshots;

    /// <summary>Creates a store for the given dialect and table names.</summary>
    public HistoryStore(SqlDialect dialect, HistoryTableNames names)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(names);
        _dialect = dialect;
        _names = names;
        _history = dialect.Qualify(names.Schema, names.History);
        _log = dialect.Qualify(names.Schema, names.Log);
        _snapshots = dialect.Qualify(names.Schema, names.Snapshots);
    }

    /// <summary>Whether <c>ratchet_history</c> exists.</summary>
    public async Task<bool> ExistsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var found = await connection.ScalarAsync(_dialect.TableExistsQuery, null, cancellationToken,
            ("@schema", _names.Schema), ("@table", _names.History)).ConfigureAwait(false);
        return found is not null;
    }

    /// <summary>
    /// Creates the history and log tables if the history table is missing. Nothing runs when it exists: a role without
    /// CREATE privilege can migrate a database whose tables are there (PostgreSQL checks the privilege even for IF NOT EXISTS).
    /// </summary>
    public async Task EnsureCreatedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (await ExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        foreach (var statement in _dialect.CreateHistoryTables(_names))
        {
            await connection.ExecuteAsync(statement, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> SnapshotTableExistsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ScalarAsync(_dialect.TableExistsQuery, null, cancellationToken, ("@schema", _names.Schema), ("@table", _names.Snapshots))
            .ConfigureAwait(false) is not null;

    /// <summary>
    /// Every history row, in the order the revisions were applied; empty when the table does not exist (looked up first,
    /// unless <paramref name="exists"/> says it does).
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> ReadAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken, bool exists = false)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (transaction is null && !exists && !await ExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var entries = new List<HistoryEntry>();
        using var command = connection.Command($"SELECT {Columns} FROM {_history} ORDER BY sequence", transaction);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new HistoryEntry
            {
                RevisionId = reader.GetString(0),
                Parents = SplitList(reader.GetString(1), ','),
                Message = reader.GetString(2),
                Kind = reader.GetString(3),
                State = ParseState(reader.GetString(4)),
                ChecksumUp = reader.IsDBNull(5) ? null : reader.GetString(5),
                ChecksumDown = reader.IsDBNull(6) ? null : reader.GetString(6),
                AppliedAt = DateTime.SpecifyKind(reader.GetDateTime(7), DateTimeKind.Utc),
                AppliedBy = reader.GetString(8),
                DurationMs = reader.GetInt64(9),
                ToolVersion = reader.GetString(10),
                Sequence = reader.GetInt64(11),
                Journal = reader.IsDBNull(12) ? [] : SplitList(reader.GetString(12), '\n'),
                Error = reader.IsDBNull(13) ? null : reader.GetString(13),
            });
        }

        return entries;
    }

    /// <summary>The next application sequence number.</summary>
    public async Task<long> NextSequenceAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var max = await connection.ScalarAsync($"SELECT MAX(sequence) FROM {_history}", transaction, cancellationToken).ConfigureAwait(false);
        return max is null ? 1 : Convert.ToInt64(max, CultureInfo.InvariantCulture) + 1;
    }

    /// <summary>Inserts a history row.</summary>
    public Task InsertAsync(DbConnection connection, DbTransaction? transaction, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entry);
        return connection.ExecuteAsync(
            $"INSERT INTO {_history} ({Columns}) VALUES (@id, @parents, @message, @kind, @state, @up, @down, @at, @by, @ms, @version, @sequence, @journal, @error)",
            transaction, cancellationToken, Parameters(entry));
    }

    /// <summary>
    /// Records an applied revision and its log event in one round trip: the history row (its sequence computed in the
    /// statement) and the log row.
    /// </summary>
    public async Task RecordAppliedAsync(DbConnection connection, DbTransaction? transaction, HistoryEntry entry, LogEntry log, CancellationToken cancellationToken)
    {
        foreach (var command in AppliedCommands(entry, log))
        {
            await connection.ExecuteAsync(command.Sql, transaction, cancellationToken, [.. command.Parameters]).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes a reverted revision's row and logs the event.</summary>
    public async Task RecordRevertedAsync(DbConnection connection, DbTransaction? transaction, string revisionId, LogEntry log, CancellationToken cancellationToken)
    {
        foreach (var command in RevertedCommands(revisionId, log))
        {
            await connection.ExecuteAsync(command.Sql, transaction, cancellationToken, [.. command.Parameters]).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The commands that record an applied revision (its sequence computed in the statement) and its log event. With
    /// <paramref name="serverDuration"/>, the duration is the dialect's time since the transaction began.
    /// </summary>
    public IReadOnlyList<BatchCommand> AppliedCommands(HistoryEntry entry, LogEntry log, bool serverDuration = false)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(log);
        var ms = Duration(serverDuration, "@ms");
        return
        [
            new(
                $"INSERT INTO {_history} ({Columns}) VALUES (@id, @parents, @message, @kind, @state, @up, @down, @at, @by, {ms}, @version, " +
                $"(SELECT COALESCE(MAX(sequence), 0) + 1 FROM {_history}), @journal, @error)",
                Parameters(entry).Where(p => p.Item1 != "@sequence" && (!serverDuration || p.Item1 != "@ms")).ToList()),
            LogCommand(log, serverDuration),
        ];
    }

    /// <summary>The commands that remove a reverted revision's row and log the event.</summary>
    public IReadOnlyList<BatchCommand> RevertedCommands(string revisionId, LogEntry log, bool serverDuration = false)
    {
        ArgumentNullException.ThrowIfNull(log);
        return [new($"DELETE FROM {_history} WHERE revision_id = @id", [("@id", revisionId)]), LogCommand(log, serverDuration)];
    }

    /// <summary>The command that appends an event to the log.</summary>
    public BatchCommand LogCommand(LogEntry log, bool serverDuration = false) => serverDuration
        ? new(InsertLog.Replace("@log_ms", Duration(serverDuration, "@log_ms"), StringComparison.Ordinal),
            LogParameters(log).Where(p => p.Item1 != "@log_ms").ToList())
        : new(InsertLog, LogParameters(log));

    private string Duration(bool serverDuration, string parameter) =>
        serverDuration ? _dialect.TransactionElapsedMilliseconds ?? parameter : parameter;

    /// <summary>Replaces a history row's state, checksums, duration, journal and error.</summary>
    public Task UpdateAsync(DbConnection connection, DbTransaction? transaction, HistoryEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entry);
        return connection.ExecuteAsync(
            $"UPDATE {_history} SET state = @state, checksum_up = @up, checksum_down = @down, applied_at = @at, applied_by = @by, " +
            "duration_ms = @ms, tool_version = @version, journal = @journal, error = @error WHERE revision_id = @id",
            transaction, cancellationToken, Parameters(entry));
    }

    /// <summary>Deletes a history row.</summary>
    public Task DeleteAsync(DbConnection connection, DbTransaction? transaction, string revisionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.ExecuteAsync($"DELETE FROM {_history} WHERE revision_id = @id", transaction, cancellationToken, ("@id", revisionId));
    }

    /// <summary>Appends an event to the log.</summary>
    public Task AppendLogAsync(DbConnection connection, DbTransaction? transaction, LogEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entry);
        return connection.ExecuteAsync(InsertLog, transaction, cancellationToken, LogParameters(entry));
    }

    /// <summary>Records the schema as it is after a run, for drift detection.</summary>
    public async Task RecordSnapshotAsync(DbConnection connection, IEnumerable<string> revisions, string fingerprint, string model, string? signature,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!await SnapshotTableExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(_dialect.CreateSnapshotTable(_names), null, cancellationToken).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(
            $"INSERT INTO {_snapshots} (recorded_at, revisions, fingerprint, model, signature) VALUES (@at, @revisions, @fingerprint, @model, @signature)",
            null, cancellationToken, ("@at", DateTime.UtcNow), ("@revisions", string.Join(',', revisions)), ("@fingerprint", fingerprint), ("@model", model),
            ("@signature", signature)).ConfigureAwait(false);
    }

    /// <summary>The latest recorded schema (its JSON model and the engine's cheap signature), or null when none was recorded.</summary>
    public async Task<(string Model, string? Signature)?> ReadLatestSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!await SnapshotTableExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        using var command = connection.Command($"SELECT model, signature FROM {_snapshots} ORDER BY id DESC LIMIT 1");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1))
            : null;
    }

    /// <summary>The log, oldest first; empty when the table does not exist.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadLogAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!await ExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var entries = new List<LogEntry>();
        using var command = connection.Command(
            $"SELECT id, revision_id, action, at, performed_by, duration_ms, checksum, detail, tool_version FROM {_log} ORDER BY id");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new LogEntry
            {
                Id = reader.GetInt64(0),
                RevisionId = reader.GetString(1),
                Action = reader.GetString(2),
                At = DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc),
                By = reader.GetString(4),
                DurationMs = reader.GetInt64(5),
                Checksum = reader.IsDBNull(6) ? null : reader.GetString(6),
                Detail = reader.IsDBNull(7) ? null : reader.GetString(7),
                ToolVersion = reader.GetString(8),
            });
        }

        return entries;
    }

    private string InsertLog =>
        $"INSERT INTO {_log} (revision_id, action, at, performed_by, duration_ms, checksum, detail, tool_version) " +
        "VALUES (@log_id, @log_action, @log_at, @log_by, @log_ms, @log_checksum, @log_detail, @log_version)";

    private static (string, object?)[] LogParameters(LogEntry e) =>
    [
        ("@log_id", e.RevisionId), ("@log_action", e.Action), ("@log_at", e.At), ("@log_by", e.By), ("@log_ms", e.DurationMs),
        ("@log_checksum", e.Checksum), ("@log_detail", e.Detail), ("@log_version", e.ToolVersion),
    ];

    private static (string, object?)[] Parameters(HistoryEntry e) =>
    [
        ("@id", e.RevisionId), ("@parents", string.Join(',', e.Parents)), ("@message", e.Message), ("@kind", e.Kind),
        ("@state", StateName(e.State)), ("@up", e.ChecksumUp), ("@down", e.ChecksumDown),
        ("@at", e.AppliedAt), ("@by", e.AppliedBy), ("@ms", e.DurationMs), ("@version", e.ToolVersion),
        ("@sequence", e.Sequence), ("@journal", e.Journal.Count == 0 ? null : string.Join('\n', e.Journal)), ("@error", e.Error),
    ];

    /// <summary>The stored name of a state.</summary>
    public static string StateName(HistoryState state) => state switch
    {
        HistoryState.RevertFailed => "revert_failed",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static HistoryState ParseState(string text) => text switch
    {
        "applied" => HistoryState.Applied,
        "stamped" => HistoryState.Stamped,
        "running" => HistoryState.Running,
        "failed" => HistoryState.Failed,
        "reverting" => HistoryState.Reverting,
        "revert_failed" => HistoryState.RevertFailed,
        _ => throw new RatchetException(RatchetErrorKind.BadInput, $"ratchet_history holds an unknown state '{text}'"),
    };

    private static List<string> SplitList(string text, char separator) =>
        text.Length == 0 ? [] : text.Split(separator).ToList();
}
