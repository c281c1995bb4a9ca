using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>Changes to the history that run no migration: <c>stamp</c> and <c>repair</c>. Both hold the runner lock.</summary>
internal sealed class HistoryEditor(IDatabaseEngine engine, RevisionGraph graph, HistoryStore history, MigratorOptions options)
{
    public async Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> StampAsync(Target target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (Changes(await ReadAsync(cancellationToken).ConfigureAwait(false), target) is { Added.Count: 0, Removed.Count: 0 })
        {
            return ([], []);
        }

        using var connection = (await engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false))!;
        var held = await engine.AcquireRunnerLockAsync(options.LockTimeout, cancellationToken).ConfigureAwait(false);
        await using var releases = held.ConfigureAwait(false);
        await history.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
        var (added, removed) = Changes(await history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false), target);
        var migrator = new Migrator(engine, graph, options);
        await migrator.ReportDriftAsync(connection, migrator.Emitter(), cancellationToken).ConfigureAwait(false);

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sequence = await history.NextSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var revision in added)
        {
            await history.InsertAsync(connection, transaction, HistoryRows.Entry(revision, HistoryState.Stamped, sequence++, TimeSpan.Zero), cancellationToken)
                .ConfigureAwait(false);
            await history.AppendLogAsync(connection, transaction, HistoryRows.Log(revision, "stamp", TimeSpan.Zero, revision.Up.Checksum), cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var id in removed)
        {
            await history.DeleteAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            await history.AppendLogAsync(connection, transaction, Event(id, "unstamp", null), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        await migrator.RecordSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        return (added.Select(r => r.Id).ToList(), removed);
    }

    /// <summary>
    /// Records revisions another tool applied as stamped, each with an <c>adopt</c> log row naming the tool's entry; the
    /// history must be empty (adoption is how a database starts with Ratchet).
    /// </summary>
    public async Task AdoptAsync(IReadOnlyList<Revision> revisions, string tool, IReadOnlyDictionary<string, string> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        ArgumentNullException.ThrowIfNull(entries);
        using var connection = (await engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false))!;
        var held = await engine.AcquireRunnerLockAsync(options.LockTimeout, cancellationToken).ConfigureAwait(false);
        await using var releases = held.ConfigureAwait(false);
        if ((await history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false)).Count > 0)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, "the database already has a Ratchet history; nothing was adopted")
            {
                Hints = ["adopt starts a database's Ratchet history; to change it use `ratchet stamp`"],
            };
        }

        await history.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sequence = await history.NextSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var revision in revisions)
        {
            await history.InsertAsync(connection, transaction, HistoryRows.Entry(revision, HistoryState.Stamped, sequence++, TimeSpan.Zero), cancellationToken)
                .ConfigureAwait(false);
            await history.AppendLogAsync(connection, transaction, Event(revision.Id, "adopt",
                $"from {tool}: {(entries.TryGetValue(revision.Id, out var entry) ? entry : "needed by a recorded revision")}"), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        await new Migrator(engine, graph, options).RecordSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public async Task<RepairResult> RepairAsync(bool realignChecksums, CancellationToken cancellationToken)
    {
        var (cleared, realigned) = Repairs(await ReadAsync(cancellationToken).ConfigureAwait(false), realignChecksums);
        if (cleared.Count + realigned.Count == 0)
        {
            return new RepairResult([], []);
        }

        using var connection = (await engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false))!;
        var held = await engine.AcquireRunnerLockAsync(options.LockTimeout, cancellationToken).ConfigureAwait(false);
        await using var releases = held.ConfigureAwait(false);
        (cleared, realigned) = Repairs(await history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false), realignChecksums);

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in cleared)
        {
            await history.DeleteAsync(connection, transaction, entry.RevisionId, cancellationToken).ConfigureAwait(false);
            await history.AppendLogAsync(connection, transaction, Event(entry.RevisionId, "repair",
                $"cleared {entry.StateName} state; {entry.Journal.Count} statement(s) had completed; last error: {entry.Error ?? "none"}"),
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var entry in realigned)
        {
            var revision = graph[entry.RevisionId];
            await history.UpdateAsync(connection, transaction, entry with { ChecksumUp = revision.Up.Checksum, ChecksumDown = revision.Down?.Checksum },
                cancellationToken).ConfigureAwait(false);
            await history.AppendLogAsync(connection, transaction, Event(entry.RevisionId, "repair",
                $"checksums realigned (up {entry.ChecksumUp?[..12]} -> {revision.Up.Checksum[..12]})"), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return new RepairResult(cleared.Select(c => (c.RevisionId, c.Journal.Count)).ToList(), realigned.Select(r => r.RevisionId).ToList());
    }

    private (List<Revision> Added, List<string> Removed) Changes(IReadOnlyList<HistoryEntry> rows, Target target)
    {
        if (rows.FirstOrDefault(h => !h.IsApplied) is { } partial)
        {
            throw new RatchetException(RatchetErrorKind.MigrationFailed,
                $"revision {partial.RevisionId} is {partial.StateName} part-way; nothing was stamped")
            {
                Hints = ["finish it with `ratchet up` or `ratchet down`, or clear it with `ratchet repair`"],
            };
        }

        var applied = rows.Select(h => h.RevisionId).ToList();
        var wanted = Planner.StampedSet(graph, applied, target);
        var added = graph.Ordered.Where(r => wanted.Contains(r.Id) && !applied.Contains(r.Id, StringComparer.Ordinal)).ToList();
        var removed = applied.Where(id => !wanted.Contains(id)).ToList();
        return (added, removed);
    }

    private (List<HistoryEntry> Cleared, List<HistoryEntry> Realigned) Repairs(IReadOnlyList<HistoryEntry> rows, bool realignChecksums)
    {
        var cleared = rows.Where(h => !h.IsApplied).ToList();
        var realigned = !realignChecksums ? [] : rows
            .Where(h => h.IsApplied && graph.Contains(h.RevisionId))
            .Where(h => h.ChecksumUp != graph[h.RevisionId].Up.Checksum || h.ChecksumDown != graph[h.RevisionId].Down?.Checksum)
            .ToList();
        return (cleared, realigned);
    }

    private async Task<IReadOnlyList<HistoryEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        using var connection = await engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        return connection is null ? [] : await history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    private static LogEntry Event(string id, string action, string? detail) => new()
    {
        RevisionId = id, Action = action, At = DateTime.UtcNow, By = RunnerIdentity.UserAtHost, ToolVersion = RunnerIdentity.ToolVersion, Detail = detail,
    };
}
