using System.Data.Common;
using Ratchet.Engines;

namespace Ratchet.Online;

/// <summary>
/// Reads and writes <c>ratchet_online</c>: one row per online revision (step <c>''</c>: its state and plan) and one per
/// step that has begun (done, or a backfill's checkpoint). Values are parameters; names are quoted by the dialect.
/// </summary>
internal sealed class OnlineStore
{
    /// <summary>The prefix of every temporary object an online revision creates (columns, triggers, functions, indexes, checks).</summary>
    public const string TemporaryPrefix = "_ratchet_";

    private readonly SqlDialect _dialect;
    private readonly HistoryTableNames _names;

    public OnlineStore(SqlDialect dialect, HistoryTableNames names)
    {
        _dialect = dialect;
        _names = names;
        Table = dialect.Qualify(names.Schema, names.Online);
    }

    /// <summary>The table, qualified and quoted.</summary>
    public string Table { get; }

    public async Task<bool> ExistsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ScalarAsync(_dialect.TableExistsQuery, null, cancellationToken, ("@schema", _names.Schema), ("@table", _names.Online))
            .ConfigureAwait(false) is not null;

    public async Task EnsureCreatedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await connection.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {Table} (
                revision_id text NOT NULL,
                step text NOT NULL,
                state text NOT NULL,
                detail text,
                last_key text,
                rows_done bigint NOT NULL DEFAULT 0,
                rows_total bigint,
                performed_by text NOT NULL,
                updated_at timestamptz NOT NULL,
                PRIMARY KEY (revision_id, step)
            )
            """, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every online revision recorded, with its steps; empty when the table does not exist.</summary>
    public async Task<IReadOnlyList<OnlineRecord>> ReadAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        var rows = new List<(string Revision, string Step, string State, string? Detail, string? LastKey, long Rows, long? Total, string By, DateTime At)>();
        using (var command = connection.Command(
            $"SELECT revision_id, step, state, detail, last_key, rows_done, rows_total, performed_by, updated_at FROM {Table} ORDER BY revision_id, step"))
        using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
                    reader.GetString(7), DateTime.SpecifyKind(reader.GetDateTime(8), DateTimeKind.Utc)));
            }
        }

        return rows.Where(r => r.Step.Length == 0).Select(head => new OnlineRecord
        {
            RevisionId = head.Revision,
            State = OnlineRecord.ParseState(head.State),
            Plan = OnlinePlan.FromJson(head.Detail ?? "{}"),
            By = head.By,
            UpdatedAt = head.At,
            Steps = rows.Where(r => r.Revision == head.Revision && r.Step.Length > 0).ToDictionary(r => r.Step, r => new OnlineStepProgress
            {
                Step = r.Step, Done = r.State == "done", LastKey = r.LastKey, RowsDone = r.Rows, RowsTotal = r.Total, UpdatedAt = r.At,
            }, StringComparer.Ordinal),
        }).ToList();
    }

    /// <summary>Records a new online revision with its plan, in state <c>starting</c>.</summary>
    public BatchCommand Insert(OnlinePlan plan) => new(
        $"INSERT INTO {Table} (revision_id, step, state, detail, performed_by, updated_at) VALUES (@id, '', @state, @plan, @by, @at)",
        [("@id", plan.RevisionId), ("@state", OnlineRecord.StateName(OnlineRunState.Starting)), ("@plan", plan.ToJson()), ("@by", RunnerIdentity.UserAtHost),
            ("@at", DateTime.UtcNow)]);

    /// <summary>Moves a revision to another state.</summary>
    public BatchCommand SetState(string revisionId, OnlineRunState state) => new(
        $"UPDATE {Table} SET state = @state, performed_by = @by, updated_at = @at WHERE revision_id = @id AND step = ''",
        [("@id", revisionId), ("@state", OnlineRecord.StateName(state)), ("@by", RunnerIdentity.UserAtHost), ("@at", DateTime.UtcNow)]);

    /// <summary>Marks a step done (a backfill keeps its row counts).</summary>
    public BatchCommand MarkDone(string revisionId, string step) => new(
        $"INSERT INTO {Table} (revision_id, step, state, performed_by, updated_at) VALUES (@id, @step, 'done', @by, @at) " +
        "ON CONFLICT (revision_id, step) DO UPDATE SET state = 'done', performed_by = EXCLUDED.performed_by, updated_at = EXCLUDED.updated_at",
        [("@id", revisionId), ("@step", step), ("@by", RunnerIdentity.UserAtHost), ("@at", DateTime.UtcNow)]);

    /// <summary>Forgets the progress of a phase's steps (an abort after a partial start reruns none of them).</summary>
    public BatchCommand ForgetSteps(string revisionId, string prefix) => new(
        $"DELETE FROM {Table} WHERE revision_id = @id AND step LIKE @prefix",
        [("@id", revisionId), ("@prefix", prefix + "%")]);

    /// <summary>Removes a revision's rows (after an abort, or a down of the completed revision).</summary>
    public BatchCommand Delete(string revisionId) => new($"DELETE FROM {Table} WHERE revision_id = @id", [("@id", revisionId)]);
}
