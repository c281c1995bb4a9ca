using System.Data.Common;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>
/// Applies and reverts revisions on one database: takes the runner lock, reads the history (after the lock, so two
/// runners never plan from the same state), plans, runs each step and records it.
/// </summary>
public sealed class Migrator
{
    private readonly IDatabaseEngine _engine;
    private readonly RevisionGraph _graph;
    private readonly MigratorOptions _options;
    private readonly HistoryStore _history;

    /// <summary>Creates a migrator for one database and one set of revisions.</summary>
    public Migrator(IDatabaseEngine engine, RevisionGraph graph, MigratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(graph);
        _engine = engine;
        _graph = graph;
        _options = options ?? new MigratorOptions();
        _history = new HistoryStore(engine.Dialect, engine.HistoryTables);
    }

    /// <summary>The revisions.</summary>
    public RevisionGraph Graph => _graph;

    /// <summary>Where the database is, what is pending and what is wrong. Creates nothing.</summary>
    public async Task<DatabaseStatus> StatusAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        var exists = connection is not null;
        var history = connection is null ? [] : await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var databaseProblems = connection is null ? [] : await _engine.FindProblemsAsync(connection, cancellationToken).ConfigureAwait(false);
        var applied = history.Where(h => h.IsApplied).Select(h => h.RevisionId).ToHashSet(StringComparer.Ordinal);
        var current = applied
            .Where(id => !_graph.Contains(id) || !_graph.DependentsOf(id).Any(applied.Contains))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new DatabaseStatus
        {
            DatabaseExists = exists,
            History = history,
            Pending = _graph.Ordered.Where(r => !applied.Contains(r.Id)).ToList(),
            Heads = _graph.Heads,
            Current = current,
            Problems = Validator.Validate(_graph, history),
            DatabaseProblems = databaseProblems,
        };
    }

    /// <summary>The history rows, in order of application. Creates nothing.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(CancellationToken cancellationToken = default) =>
        (await ReadHistoryIfAnyAsync(cancellationToken).ConfigureAwait(false)).History;

    /// <summary>The event log, oldest first. Creates nothing.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadLogAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        return connection is null ? [] : await _history.ReadLogAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compares files and history. Creates nothing.</summary>
    public async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(CancellationToken cancellationToken = default) =>
        Validator.Validate(_graph, await ReadHistoryAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>What <see cref="UpAsync"/> or <see cref="DownAsync"/> would do now, without the lock and without running anything.</summary>
    public async Task<MigrationPlan> PlanAsync(Direction direction, Target target, CancellationToken cancellationToken = default)
    {
        var history = await ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
        return Plan(direction, target, history);
    }

    /// <summary>Applies revisions up to <paramref name="target"/>.</summary>
    /// <exception cref="RatchetException">A revision failed, a check failed, the lock was busy, or the input is bad.</exception>
    public Task<RunResult> UpAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync(Direction.Up, target, cancellationToken);

    /// <summary>Reverts revisions down to <paramref name="target"/>.</summary>
    /// <exception cref="RatchetException">A revision failed, the lock was busy, or the input is bad.</exception>
    public Task<RunResult> DownAsync(Target target, CancellationToken cancellationToken = default) =>
        RunAsync(Direction.Down, target, cancellationToken);

    /// <summary>Records the database as being at <paramref name="target"/> without running any migration.</summary>
    /// <returns>The revisions recorded as applied, and those removed from the history.</returns>
    public async Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> StampAsync(Target target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = (await _engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false))!;
        var held = await _engine.AcquireRunnerLockAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
        await using var releases = held.ConfigureAwait(false);
        await _history.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
        var history = await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var applied = history.Where(h => h.IsApplied).Select(h => h.RevisionId).ToList();
        var wanted = Planner.StampedSet(_graph, applied, target);
        var added = _graph.Ordered.Where(r => wanted.Contains(r.Id) && !applied.Contains(r.Id, StringComparer.Ordinal)).ToList();
        var removed = history.Where(h => !wanted.Contains(h.RevisionId)).Select(h => h.RevisionId).ToList();

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var sequence = await _history.NextSequenceAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var revision in added)
        {
            await _history.InsertAsync(connection, transaction, HistoryRows.Entry(revision, HistoryState.Stamped, sequence++, TimeSpan.Zero), cancellationToken)
                .ConfigureAwait(false);
            await _history.AppendLogAsync(connection, transaction, HistoryRows.Log(revision, "stamp", TimeSpan.Zero, revision.Up.Checksum), cancellationToken)
                .ConfigureAwait(false);
        }

        foreach (var id in removed)
        {
            await _history.DeleteAsync(connection, transaction, id, cancellationToken).ConfigureAwait(false);
            await _history.AppendLogAsync(connection, transaction, new LogEntry
            {
                RevisionId = id, Action = "unstamp", At = DateTime.UtcNow, By = RunnerIdentity.UserAtHost, ToolVersion = RunnerIdentity.ToolVersion,
            }, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return (added.Select(r => r.Id).ToList(), removed);
    }

    /// <summary>
    /// Clears failed or interrupted <c>transaction off</c> revisions from the history (they become pending again; the
    /// statements they completed stay done in the database) and, with <paramref name="realignChecksums"/>, records
    /// the current checksums of applied revisions whose files changed. Runs no migration.
    /// </summary>
    public async Task<RepairResult> RepairAsync(bool realignChecksums, CancellationToken cancellationToken = default)
    {
        using var connection = (await _engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false))!;
        var held = await _engine.AcquireRunnerLockAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
        await using var releases = held.ConfigureAwait(false);
        var history = await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var cleared = history.Where(h => !h.IsApplied).ToList();
        var realigned = !realignChecksums ? [] : history
            .Where(h => h.IsApplied && _graph.Contains(h.RevisionId))
            .Where(h => h.ChecksumUp != _graph[h.RevisionId].Up.Checksum || h.ChecksumDown != _graph[h.RevisionId].Down?.Checksum)
            .ToList();
        if (cleared.Count + realigned.Count == 0)
        {
            return new RepairResult([], []);
        }

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var entry in cleared)
        {
            await _history.DeleteAsync(connection, transaction, entry.RevisionId, cancellationToken).ConfigureAwait(false);
            await _history.AppendLogAsync(connection, transaction, Repair(entry.RevisionId,
                $"cleared {entry.State.ToString().ToLowerInvariant()} state; {entry.Journal.Count} statement(s) had completed; last error: {entry.Error ?? "none"}"),
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var entry in realigned)
        {
            var revision = _graph[entry.RevisionId];
            await _history.UpdateAsync(connection, transaction, entry with { ChecksumUp = revision.Up.Checksum, ChecksumDown = revision.Down?.Checksum },
                cancellationToken).ConfigureAwait(false);
            await _history.AppendLogAsync(connection, transaction, Repair(entry.RevisionId,
                $"checksums realigned (up {entry.ChecksumUp?[..12]} -> {revision.Up.Checksum[..12]})"), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        return new RepairResult(cleared.Select(c => (c.RevisionId, c.Journal.Count)).ToList(), realigned.Select(r => r.RevisionId).ToList());

        static LogEntry Repair(string id, string detail) => new()
        {
            RevisionId = id, Action = "repair", At = DateTime.UtcNow, By = RunnerIdentity.UserAtHost, ToolVersion = RunnerIdentity.ToolVersion, Detail = detail,
        };
    }

    private async Task<RunResult> RunAsync(Direction direction, Target target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var connection = (await _engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false))!;
        var held = await _engine.AcquireRunnerLockAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
        await using var releases = held.ConfigureAwait(false);
        var history = await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        RefuseMismatches(history);
        var plan = Plan(direction, target, history);
        var partial = RequireResumable(plan, history);
        if (_options.SingleTransaction)
        {
            RequireAllTransactional(plan);
        }

        if (!plan.IsEmpty)
        {
            // Created only when there is something to record: a refused or empty run leaves the database untouched.
            await _history.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        var emit = _options.OnEvent ?? (_ => { });
        emit(new PlanReady(plan));
        var runner = new RevisionRunner(_engine, _history, _options.LockRetry, emit);
        var durations = new List<TimeSpan>(plan.Steps.Count);
        try
        {
            if (_options.SingleTransaction && !plan.IsEmpty)
            {
                durations.AddRange(await runner.RunBatchAsync(connection, plan.Steps, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                for (var i = 0; i < plan.Steps.Count; i++)
                {
                    var step = plan.Steps[i];
                    var resume = partial?.RevisionId == step.Revision.Id ? partial : null;
                    durations.Add(await runner.RunAsync(connection, step, i + 1, plan.Steps.Count, resume, cancellationToken).ConfigureAwait(false));
                }
            }
        }
        catch (RatchetException failure)
        {
            await AddDatabaseProblemsAsync(connection, failure).ConfigureAwait(false);
            throw;
        }

        return new RunResult(plan, durations);
    }

    private static void RequireAllTransactional(MigrationPlan plan)
    {
        foreach (var step in plan.Steps.Where(s => !s.Revision.Transactional))
        {
            throw new RatchetException(RatchetErrorKind.BadInput,
                $"{step.Revision.Source.File}: revision {step.Revision.Id} is `transaction off`, so the pending revisions cannot run in a single transaction; nothing was run");
        }
    }

    private async Task AddDatabaseProblemsAsync(DbConnection connection, RatchetException failure)
    {
        try
        {
            foreach (var problem in await _engine.FindProblemsAsync(connection, CancellationToken.None).ConfigureAwait(false))
            {
                failure.AddHint(problem);
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            // The connection is gone; the original failure is what matters.
        }
    }

    private MigrationPlan Plan(Direction direction, Target target, IReadOnlyList<HistoryEntry> history)
    {
        var applied = history.Where(h => h.IsApplied).Select(h => h.RevisionId).ToList();
        return direction == Direction.Up
            ? Planner.PlanUp(_graph, applied, target)
            : Planner.PlanDown(_graph, applied, target);
    }

    private void RefuseMismatches(IReadOnlyList<HistoryEntry> history)
    {
        var problems = Validator.Validate(_graph, history).Where(p => p.Kind != ValidationProblemKind.Failed).ToList();
        if (problems.Count > 0)
        {
            throw new RatchetException(RatchetErrorKind.CheckFailed,
                "the migration files do not match the database's history; nothing was run:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => "  " + p.Message)))
            {
                Hints = ["run `ratchet validate` for the full report"],
            };
        }
    }

    private static HistoryEntry? RequireResumable(MigrationPlan plan, IReadOnlyList<HistoryEntry> history)
    {
        var partial = history.FirstOrDefault(h => !h.IsApplied);
        if (partial is null)
        {
            return null;
        }

        var resumes = plan.Direction == Direction.Up && plan.Steps.Count > 0 && plan.Steps[0].Revision.Id == partial.RevisionId;
        return resumes
            ? partial
            : throw new RatchetException(RatchetErrorKind.MigrationFailed,
                $"revision {partial.RevisionId} is {partial.State.ToString().ToLowerInvariant()} part-way" +
                (partial.Error is null ? "" : $" ({partial.Error})") + "; nothing was run")
            {
                Hints = [$"fix its file and run `ratchet up {partial.RevisionId}` to resume it, or clear it with `ratchet repair`"],
            };
    }

    private async Task<(bool Exists, IReadOnlyList<HistoryEntry> History)> ReadHistoryIfAnyAsync(CancellationToken cancellationToken)
    {
        using DbConnection? connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return (false, []);
        }

        return (true, await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false));
    }
}
