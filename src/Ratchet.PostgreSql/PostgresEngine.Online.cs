using System.Data.Common;
using System.Globalization;
using System.Text;
using Npgsql;
using Ratchet.Engines;
using Ratchet.Online;
using Ratchet.PostgreSql.Online;

namespace Ratchet.PostgreSql;

/// <summary>Online revisions: the planner, steps under a given lock timeout with their blockers named, and keyset backfills.</summary>
public sealed partial class PostgresEngine
{
    /// <inheritdoc />
    public Task<OnlinePlan> PlanAsync(DbConnection connection, string revisionId, IReadOnlyList<OnlineOperation> operations, CancellationToken cancellationToken) =>
        PostgresOnlinePlanner.PlanAsync((NpgsqlConnection)connection, revisionId, operations, cancellationToken);

    /// <inheritdoc />
    public async Task ExecuteAsync(DbConnection connection, IReadOnlyList<BatchCommand> commands, bool transaction, TimeSpan lockTimeout,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var npgsql = (NpgsqlConnection)connection;
        // At least 1 ms: 0 would mean no timeout at all.
        var timeout = TimeSpan.FromMilliseconds(Math.Max(lockTimeout.TotalMilliseconds, 1));
        if (transaction)
        {
            var tx = await npgsql.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (tx.ConfigureAwait(false))
            {
                using var batch = new NpgsqlBatch(npgsql, tx) { Timeout = 0 };
                batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresDialect.Instance.LockTimeoutStatement(timeout, local: true)));

                // The step's locks are released at commit; an asynchronous commit releases them before the disk flush (the
                // server still flushes a commit that removes files, such as a dropped index's). A crash can lose only the
                // step with its done mark (same transaction): it runs again. Any later ordinary commit flushes it first,
                // so nothing that depends on it is lost.
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
                foreach (var command in commands)
                {
                    batch.BatchCommands.Add(ToNpgsql(command));
                }

                try
                {
                    await WatchedAsync(npgsql, () => batch.ExecuteNonQueryAsync(cancellationToken), cancellationToken, lockTimeout).ConfigureAwait(false);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
                {
                    // The server broke a lock cycle with the application by rolling this step back: nothing of it is applied,
                    // and the lock governor tries it again as after a lock timeout.
                    // (Npgsql redacts the error's detail, which names the sessions, unless the connection string asks for it.)
                    throw new LockTimeoutException($"deadlock with another session, rolled back by the server: {e.MessageText}",
                        [$"a session in a lock cycle with this step ({e.MessageText}; the server log names it)"], e);
                }

                await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return;
        }

        await npgsql.ExecuteAsync(PostgresDialect.Instance.LockTimeoutStatement(timeout, local: false), null, cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var command in commands)
            {
                using var one = new NpgsqlBatch(npgsql) { Timeout = 0, BatchCommands = { ToNpgsql(command) } };
                await WatchedAsync(npgsql, () => one.ExecuteNonQueryAsync(cancellationToken), cancellationToken, lockTimeout).ConfigureAwait(false);
            }
        }
        finally
        {
            if (npgsql.State == System.Data.ConnectionState.Open)
            {
                await npgsql.ExecuteAsync(LockTimeoutSetting(""), null, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IndexState> IndexStateAsync(DbConnection connection, string index, CancellationToken cancellationToken)
    {
        var valid = await connection.ScalarAsync("SELECT indisvalid FROM pg_catalog.pg_index WHERE indexrelid = to_regclass(@index)", null, cancellationToken,
            ("@index", index)).ConfigureAwait(false);
        return valid switch
        {
            true => IndexState.Valid,
            false => IndexState.Invalid,
            _ => IndexState.Missing,
        };
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> RowsAsync(DbConnection connection, string query, int limit, CancellationToken cancellationToken)
    {
        using var command = connection.Command(query);
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<string>();
        while (rows.Count < limit && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(reader.IsDBNull(0) ? "NULL" : Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        }

        return rows;
    }

    /// <inheritdoc />
    public async Task<long> BackfillSizeAsync(DbConnection connection, BackfillSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Key.Count == 0)
        {
            return Convert.ToInt64(await connection.ScalarAsync(
                "SELECT pg_relation_size(to_regclass(@table)) / current_setting('block_size')::bigint", null, cancellationToken, ("@table", spec.Table))
                .ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        // The planner's estimate when the table was analyzed; a count when it never was.
        var estimate = Convert.ToInt64(await connection.ScalarAsync(
            "SELECT greatest(reltuples, 0)::bigint FROM pg_catalog.pg_class WHERE oid = to_regclass(@table)", null, cancellationToken, ("@table", spec.Table))
            .ConfigureAwait(false), CultureInfo.InvariantCulture);
        return estimate > 0 ? estimate
            : Convert.ToInt64(await connection.ScalarAsync($"SELECT count(*) FROM {spec.Table}", null, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public async Task<int> ActiveSessionsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Convert.ToInt32(await connection.ScalarAsync(ActiveSessions, null, cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);

    /// <summary>
    /// Other client sessions running a statement. A role without <c>pg_read_all_stats</c> sees another role's session
    /// with no state and no backend type, but with its database, its user and its snapshot's xmin: a session holding a
    /// snapshot is running a statement (or holds a cursor, or sits in a repeatable-read transaction, or is a parallel
    /// worker of a query: the gate waits for those too). Autovacuum workers have no user and are left out.
    /// </summary>
    private const string ActiveSessions = """
        SELECT count(*) FROM pg_catalog.pg_stat_activity
        WHERE pid <> pg_backend_pid()
          AND ((backend_type = 'client backend' AND state = 'active') OR (backend_type IS NULL AND datid IS NOT NULL AND usesysid IS NOT NULL AND backend_xmin IS NOT NULL))
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>?> BackfillEndAsync(DbConnection connection, BackfillSpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        // Aliased: ORDER BY "id" would otherwise sort the text output column of that name ('999' after '5000').
        var keys = string.Join(", ", spec.Key.Select((k, i) => $"{k}::text AS _k{i + 1}"));
        using var command = connection.Command($"SELECT {keys} FROM {spec.Table} ORDER BY {string.Join(", ", spec.Key.Select(k => k + " DESC"))} LIMIT 1");
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? [.. Enumerable.Range(0, spec.Key.Count).Select(reader.GetString)]
            : null;
    }

    /// <inheritdoc />
    public async Task<(IReadOnlyList<string>? Last, BatchRows Rows)> BackfillBatchAsync(DbConnection connection, BackfillSpec spec, IReadOnlyList<string>? after,
        IReadOnlyList<string>? upTo, int size, BackfillCheckpoint checkpoint, TimeSpan lockTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var npgsql = (NpgsqlConnection)connection;
        long? firstPage = null;
        if (spec.Key.Count == 0)
        {
            firstPage = after is null ? 0 : long.Parse(after[0], CultureInfo.InvariantCulture);
            if (firstPage >= checkpoint.RowsTotal)
            {
                return (null, default);
            }
        }

        var (sql, keyValues) = firstPage is { } page ? (PageBatch(spec, checkpoint, page, size), []) : KeyBatch(spec, checkpoint, after, upTo, size);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var tx = await npgsql.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using var disposeTx = tx.ConfigureAwait(false);
                using var batch = new NpgsqlBatch(npgsql, tx) { Timeout = 0 };
                batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresDialect.Instance.LockTimeoutStatement(TimeSpan.FromMilliseconds(Math.Max(lockTimeout.TotalMilliseconds, 1)), local: true)));
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL ratchet.backfill = 'on'"));

                // A batch's commit need not wait for the disk: a crash loses the last batches and their checkpoint together,
                // so the next start redoes them. Application commits then flush less behind the backfill's.
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SET LOCAL synchronous_commit = off"));
                var command = new NpgsqlBatchCommand(sql);
                foreach (var value in keyValues)
                {
                    command.Parameters.Add(new NpgsqlParameter { Value = value });
                }

                command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.RevisionId });
                command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.Step });
                command.Parameters.Add(new NpgsqlParameter { Value = checkpoint.RowsTotal });
                command.Parameters.Add(new NpgsqlParameter { Value = RunnerIdentity.UserAtHost });
                batch.BatchCommands.Add(command);
                (IReadOnlyList<string>? Last, BatchRows Rows) result = (null, default);
                await WatchedAsync(npgsql, async () =>
                {
                    using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    do
                    {
                        if (reader.FieldCount == 3 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            var last = OnlineStepProgress.ParseKey(reader.GetString(0));
                            result = (last, new BatchRows(reader.GetInt64(1), reader.GetInt64(2)));
                        }
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }, cancellationToken, lockTimeout).ConfigureAwait(false);
                await tx.CommitAsync(CancellationToken.None).ConfigureAwait(false);
                return result;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                // An application transaction and this batch locked the same rows in other orders; the server rolled this one back.
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// One keyset batch as one statement: the next keys after the checkpoint, the update of those rows, and the new
    /// checkpoint, all in the transaction the caller commits. Its parameters: the key values it returns (the last key's,
    /// then the end key's, as text), then the revision, step, total and performer.
    /// </summary>
    private static (string Sql, string[] KeyValues) KeyBatch(BackfillSpec spec, BackfillCheckpoint checkpoint, IReadOnlyList<string>? after, IReadOnlyList<string>? upTo, int size)
    {
        var keys = spec.Key;
        string[] keyValues = [.. after ?? [], .. upTo ?? []];
        var p = keyValues.Length;
        var list = string.Join(", ", keys);
        string Tuple(string prefix) => $"({string.Join(", ", keys.Select(k => prefix + k))})";
        string Values(int at) => $"({string.Join(", ", keys.Select((k, i) => $"CAST(${at + i + 1}::text AS {spec.KeyTypes[i]})"))})";
        var lower = after is null ? null : Values(0);
        var upper = upTo is null ? null : Values(p - keys.Count);
        var range = string.Join(" AND ", new[] { lower is null ? null : $"{Tuple("")} > {lower}", upper is null ? null : $"{Tuple("")} <= {upper}" }.OfType<string>());
        var hi = string.Join(", ", keys.Select((k, i) => $"{k} AS _rk{i + 1}"));
        var hiTuple = $"({string.Join(", ", keys.Select((_, i) => $"hi._rk{i + 1}"))})";
        var lastJson = $"json_build_array({string.Join(", ", keys.Select((_, i) => $"hi._rk{i + 1}::text"))})::text";
        var t = checkpoint.Table;
        return ($"""
            WITH s AS (SELECT {list} FROM {spec.Table}{(range.Length == 0 ? "" : $" WHERE {range}")} ORDER BY {list} LIMIT {size.ToString(CultureInfo.InvariantCulture)}),
            hi AS (SELECT {hi}, (SELECT count(*) FROM s) AS _rn FROM s ORDER BY {string.Join(", ", keys.Select(k => k + " DESC"))} LIMIT 1),
            u AS (UPDATE {spec.Table} AS _ratchet_t SET {spec.Assignments} FROM hi
                  WHERE {(lower is null ? "" : $"{Tuple("_ratchet_t.")} > {lower} AND ")}{Tuple("_ratchet_t.")} <= {hiTuple}{(spec.Filter is null ? "" : $" AND ({spec.Filter})")} RETURNING 1),
            c AS (INSERT INTO {t} AS o (revision_id, step, state, last_key, rows_done, rows_total, performed_by, updated_at)
                  SELECT ${p + 1}, ${p + 2}, 'running', {lastJson}, hi._rn, ${p + 3}, ${p + 4}, now() FROM hi
                  ON CONFLICT (revision_id, step) DO UPDATE SET last_key = EXCLUDED.last_key, rows_done = o.rows_done + EXCLUDED.rows_done,
                      rows_total = EXCLUDED.rows_total, performed_by = EXCLUDED.performed_by, updated_at = EXCLUDED.updated_at RETURNING 1)
            SELECT {lastJson}, hi._rn, (SELECT count(*) FROM u) + 0 * (SELECT count(*) FROM c) FROM hi
            """, keyValues);
    }

    /// <summary>One batch of pages by <c>ctid</c> range (a table without a primary key), with its checkpoint.</summary>
    private static string PageBatch(BackfillSpec spec, BackfillCheckpoint checkpoint, long page, int size)
    {
        var end = page + size;
        var (from, to) = (page.ToString(CultureInfo.InvariantCulture), end.ToString(CultureInfo.InvariantCulture));
        return $"""
            WITH u AS (UPDATE {spec.Table} SET {spec.Assignments} WHERE ctid >= '({from},0)'::tid AND ctid < '({to},0)'::tid{(spec.Filter is null ? "" : $" AND ({spec.Filter})")} RETURNING 1),
            c AS (INSERT INTO {checkpoint.Table} AS o (revision_id, step, state, last_key, rows_done, rows_total, performed_by, updated_at)
                  VALUES ($1, $2, 'running', json_build_array('{to}')::text, {size.ToString(CultureInfo.InvariantCulture)}, $3, $4, now())
                  ON CONFLICT (revision_id, step) DO UPDATE SET last_key = EXCLUDED.last_key, rows_done = o.rows_done + EXCLUDED.rows_done,
                      rows_total = EXCLUDED.rows_total, performed_by = EXCLUDED.performed_by, updated_at = EXCLUDED.updated_at RETURNING 1)
            SELECT json_build_array('{to}')::text, {size.ToString(CultureInfo.InvariantCulture)}::bigint, (SELECT count(*) FROM u) + 0 * (SELECT count(*) FROM c)
            """;
    }
}
