using System.Data.Common;
using Ratchet.Engines;
using Ratchet.History;
using Ratchet.Online;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>
/// Applies and reverts revisions on one database: plans without touching anything (so a refused run changes
/// nothing), then takes the runner lock, reads the history again (after the lock, so two runners never plan from
/// the same state), plans, runs each step and records it.
/// </summary>
public sealed partial class Migrator
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
        var history = connection is null ? [] : await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var databaseProblems = connection is null ? [] : await _engine.FindProblemsAsync(connection, cancellationToken).ConfigureAwait(false);
        var drift = connection is null ? [] : await DriftAsync(connection, cancellationToken).ConfigureAwait(false);
        var applied = history.Where(h => h.IsApplied).Select(h => h.RevisionId).ToHashSet(StringComparer.Ordinal);
        var current = applied
            .Where(id => !_graph.Contains(id) || !_graph.DependentsOf(id).Any(applied.Contains))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new DatabaseStatus
        {
            DatabaseExists = connection is not null,
            History = history,
            Pending = _graph.Ordered.Where(r => !applied.Contains(r.Id))
                .Concat(_graph.RepeatablesToApply(history.Where(h => h.IsApplied).ToDictionary(h => h.RevisionId, h => h.ChecksumUp, StringComparer.Ordinal))).ToList(),
            Heads = _graph.Heads,
            Current = current,
            Problems = Validator.Validate(_graph, history),
            DatabaseProblems = databaseProblems,
            Drift = drift,
        };
    }

    /// <summary>The live schema compared with the one recorded after the last run.</summary>
    public async Task<IReadOnlyList<string>> DriftAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (await _history.ReadLatestSnapshotAsync(connection, cancellationToken).ConfigureAwait(false) is not { } recorded)
        {
            return [];
        }

        // Unchanged since the snapshot by the engine's own counter: no need to read the catalogs.
        if (recorded.Signature is not null && recorded.Signature == await _engine.SchemaSignatureAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            return [];
        }

        Schema.SchemaModel expected;
        try
        {
            expected = Schema.SchemaJson.Read(System.Text.Json.Nodes.JsonNode.Parse(recorded.Model)!);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or NullReferenceException)
        {
            return [$"the schema recorded after the last run cannot be read ({e.Message}); the next `ratchet up` or `stamp` records it again"];
        }

        var live = await _engine.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
        var differences = Schema.SchemaComparer.Differences(expected, live);
        if (differences.Count == 0 || _engine is not IOnlineEngine)
        {
            return differences;
        }

        // A start or complete killed part-way recorded no snapshot; the temporary objects (all named `_ratchet_...`) of
        // an online revision still in progress are Ratchet's own, not drift.
        var records = await new OnlineStore(_engine.Dialect, _engine.HistoryTables).ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        return records.Any(r => r.InProgress)
            ? [.. differences.Where(d => !d.Contains(OnlineStore.TemporaryPrefix, StringComparison.Ordinal))]
            : differences;
    }

    /// <summary>The live schema, read from the catalogs (an empty model when the database does not exist yet).</summary>
    public async Task<Schema.SchemaModel> ReadSchemaAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        return connection is null ? new Schema.SchemaModel() : await _engine.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The history rows, in order of application. Creates nothing.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ReadHistoryAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        return connection is null ? [] : await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The event log, oldest first. Creates nothing.</summary>
    public async Task<IReadOnlyList<LogEntry>> ReadLogAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        return connection is null ? [] : await _history.ReadLogAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compares files and history, and the live schema with the one recorded after the last run. Creates nothing.</summary>
    public async Task<IReadOnlyList<ValidationProblem>> ValidateAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        if (connection is null)
        {
            return Validator.Validate(_graph, []);
        }

        var problems = Validator.Validate(_graph, await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false)).ToList();
        problems.AddRange((await DriftAsync(connection, cancellationToken).ConfigureAwait(false)).Select(d => new ValidationProblem(
            ValidationProblemKind.Drift, "", null, $"{d} (the live schema compared with the one recorded after the last ratchet run)")));
        return problems;
    }

    /// <summary>What <see cref="UpAsync"/> or <see cref="DownAsync"/> would do now, without the lock and without running anything.</summary>
    public async Task<MigrationPlan> PlanAsync(Direction direction, Target target, CancellationToken cancellationToken = default) =>
        Check(direction, target, await ReadHistoryAsync(cancellationToken).ConfigureAwait(false)).Plan;

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
    public Task<(IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> StampAsync(Target target, CancellationToken cancellationToken = default) =>
        new HistoryEditor(_engine, _graph, _history, _options).StampAsync(target, cancellationToken);

    /// <summary>
    /// Takes over a database another tool migrated: reads <paramref name="tool"/>'s history table, maps each entry to a
    /// revision and, when every entry maps and none failed, records those revisions as stamped (nothing runs). When the
    /// plan is not clean, nothing is written and the plan says why.
    /// </summary>
    public async Task<(string Table, Adoption.AdoptionPlan Plan)> AdoptAsync(string tool, bool write, CancellationToken cancellationToken = default)
    {
        string table;
        IReadOnlyList<Adoption.ForeignEntry> entries;
        using (var connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false)
            ?? throw new RatchetException(RatchetErrorKind.BadInput, $"{_engine.DisplayName} does not exist: there is nothing to adopt"))
        {
            (table, entries) = await Adoption.ForeignTools.ReadAsync(tool, _engine, connection, cancellationToken).ConfigureAwait(false);
        }

        var plan = Adoption.AdoptionPlanner.Plan(tool, entries, _graph);
        if (plan.Clean && write)
        {
            var shown = plan.Mapped.GroupBy(m => m.Revision.Id).ToDictionary(g => g.Key, g => g.First().Entry.Shown, StringComparer.Ordinal);
            await new HistoryEditor(_engine, _graph, _history, _options).AdoptAsync(plan.Applied, tool, shown, cancellationToken).ConfigureAwait(false);
        }

        return (table, plan);
    }

    /// <summary>
    /// Clears failed or interrupted <c>transaction off</c> revisions from the history (they become pending again; the
    /// statements they completed stay done in the database) and, with <paramref name="realignChecksums"/>, records
    /// the current checksums of applied revisions whose files changed. Runs no migration.
    /// </summary>
    public Task<RepairResult> RepairAsync(bool realignChecksums, CancellationToken cancellationToken = default) =>
        new HistoryEditor(_engine, _graph, _history, _options).RepairAsync(realignChecksums, cancellationToken);

    /// <summary>
    /// Opens a connection (creating the database if it is missing), takes the runner lock and keeps both until the
    /// session is disposed; its steps run one revision at a time. The stairway of <c>ratchet verify</c> walks the graph
    /// with it.
    /// </summary>
    /// <exception cref="LockNotAcquiredException">Another runner holds the lock.</exception>
    public async Task<MigrationSession> OpenSessionAsync(CancellationToken cancellationToken = default)
    {
        var connection = (await _engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false))!;
        try
        {
            var held = await _engine.AcquireRunnerLockAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
            await _history.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
            return new MigrationSession(this, connection, held, new RevisionRunner(_engine, _history, _options.LockRetry, Emitter(), _options.Online), _history);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The plan of one step: it alone, when it can run now (nothing when it is already done).</summary>
    internal (MigrationPlan Plan, HistoryEntry? Partial) StepPlan(PlanStep step, IReadOnlyList<HistoryEntry> history)
    {
        var target = new Target(TargetKind.Revision, step.Revision.Id, step.Revision.Id);
        RefuseMismatches(history);
        var applied = history.Where(h => h.IsApplied).Select(h => h.RevisionId).ToHashSet(StringComparer.Ordinal);
        var revision = step.Revision;
        var blocked = step.Direction == Direction.Up
            ? revision.Requires.FirstOrDefault(r => !applied.Contains(r))
            : _graph.DependentsOf(revision.Id).FirstOrDefault(applied.Contains);
        if (blocked is not null)
        {
            throw new RatchetException(RatchetErrorKind.BadInput, step.Direction == Direction.Up
                ? $"revision {revision.Id} cannot be applied before {blocked}"
                : $"revision {revision.Id} cannot be reverted while {blocked}, which depends on it, is applied");
        }

        var steps = applied.Contains(revision.Id) == (step.Direction == Direction.Down) ? new[] { step } : [];
        var plan = new MigrationPlan(step.Direction, target, steps);
        RequireRunnable(plan);
        return (plan, RequireResumable(plan, history));
    }

    private async Task<RunResult> RunAsync(Direction direction, Target target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        Func<IReadOnlyList<HistoryEntry>, (MigrationPlan Plan, HistoryEntry? Partial)> planner = history => Check(direction, target, history);
        var emit = Emitter();
        var existing = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        using var owned = existing;
        var before = existing is null ? [] : await _history.ReadAsync(existing, null, cancellationToken).ConfigureAwait(false);
        var preview = planner(before);
        RefuseOnline(preview.Plan);
        if (preview.Plan.IsEmpty)
        {
            emit(new PlanReady(preview.Plan));
            return new RunResult(preview.Plan, []);
        }

        using var created = existing is null ? await _engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false) : null;
        var connection = (existing ?? created)!;
        var held = await _engine.AcquireRunnerLockAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
        await using var releases = held.ConfigureAwait(false);
        var history = await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false);
        var (plan, partial) = planner(history);
        RefuseOnline(plan);
        if (!plan.IsEmpty)
        {
            await RefuseOnlineInProgressAsync(connection, plan, cancellationToken).ConfigureAwait(false);
            await _history.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
        }

        emit(new PlanReady(plan));
        if (!plan.IsEmpty && _options.TrackSchema)
        {
            await ReportDriftAsync(connection, emit, cancellationToken).ConfigureAwait(false);
        }

        var runner = new RevisionRunner(_engine, _history, _options.LockRetry, emit, _options.Online);
        var durations = new List<TimeSpan>(plan.Steps.Count);
        var rows = history.ToDictionary(h => h.RevisionId, StringComparer.Ordinal);
        try
        {
            if (_options.SingleTransaction && !plan.IsEmpty)
            {
                durations.AddRange(await runner.RunBatchAsync(connection, plan.Steps, rows, cancellationToken).ConfigureAwait(false));
            }
            else
            {
                for (var i = 0; i < plan.Steps.Count;)
                {
                    var group = Groupable(runner, plan.Steps, i, rows, partial);
                    if (group.Count > 1)
                    {
                        var ran = await runner.RunGroupAsync(connection, group, i + 1, plan.Steps.Count, rows, cancellationToken).ConfigureAwait(false);
                        durations.AddRange(ran);
                        i += ran.Count;
                        continue;
                    }

                    var step = plan.Steps[i];
                    var resume = partial?.RevisionId == step.Revision.Id ? partial : null;
                    durations.Add(await runner.RunAsync(connection, step, i + 1, plan.Steps.Count, rows.GetValueOrDefault(step.Revision.Id), resume,
                        cancellationToken).ConfigureAwait(false));
                    i++;
                }
            }
        }
        catch (RatchetException failure)
        {
            await AddDatabaseProblemsAsync(connection, failure).ConfigureAwait(false);
            await RecordSnapshotAsync(connection, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (direction == Direction.Down && !plan.IsEmpty)
        {
            await ForgetRepeatablesAsync(connection, history, cancellationToken).ConfigureAwait(false);
        }

        await RecordSnapshotAsync(connection, cancellationToken).ConfigureAwait(false);
        return new RunResult(plan, durations);
    }

    /// <summary>The steps from <paramref name="first"/> on that can be sent together (at most a group's size; maybe none).</summary>
    private static List<PlanStep> Groupable(RevisionRunner runner, IReadOnlyList<PlanStep> steps, int first,
        IReadOnlyDictionary<string, HistoryEntry> rows, HistoryEntry? partial)
    {
        var group = new List<PlanStep>(RevisionRunner.GroupSize);
        for (var i = first; i < steps.Count && group.Count < RevisionRunner.GroupSize; i++)
        {
            var step = steps[i];
            if (!runner.Groupable(step, rows.GetValueOrDefault(step.Revision.Id), partial?.RevisionId == step.Revision.Id ? partial : null))
            {
                break;
            }

            group.Add(step);
        }

        return group;
    }

    /// <summary>
    /// After a downgrade, the repeatables' rows go (they are never undone, but the schema they ran against changed), so the
    /// next <c>up</c> to head applies them again, as a changed checksum would.
    /// </summary>
    private async Task ForgetRepeatablesAsync(DbConnection connection, IReadOnlyList<HistoryEntry> history, CancellationToken cancellationToken)
    {
        var rows = history.Where(h => _graph.Contains(h.RevisionId) && _graph[h.RevisionId].Repeatable).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await _history.DeleteAsync(connection, transaction, row.RevisionId, cancellationToken).ConfigureAwait(false);
            await _history.AppendLogAsync(connection, transaction, new LogEntry
            {
                RevisionId = row.RevisionId, Action = "unstamp", At = DateTime.UtcNow, By = RunnerIdentity.UserAtHost, ToolVersion = RunnerIdentity.ToolVersion,
                Detail = "repeatable: applied again by the next up after a down",
            }, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Drift found before a run becomes an event and a log row, so the next snapshot does not hide it without a trace.</summary>
    internal async Task ReportDriftAsync(DbConnection connection, Action<MigrationEvent> emit, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> drift;
        try
        {
            drift = await DriftAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or NotSupportedException or InvalidOperationException or System.Text.Json.JsonException)
        {
            return;
        }

        if (drift.Count == 0)
        {
            return;
        }

        emit(new DriftFound(drift));
        await _history.AppendLogAsync(connection, null, new History.LogEntry
        {
            RevisionId = "",
            Action = "drift",
            At = DateTime.UtcNow,
            By = RunnerIdentity.UserAtHost,
            Detail = string.Join("; ", drift),
            ToolVersion = RunnerIdentity.ToolVersion,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Records the schema as the run left it, which <c>status</c> and <c>validate</c> compare the live schema with
    /// (drift). A failure to read or record it does not turn a finished run into a failed one.
    /// </summary>
    internal async Task RecordSnapshotAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (!_options.TrackSchema)
        {
            return;
        }

        try
        {
            // The signature first: a change made while the catalogs are read then shows as drift, never hides.
            var signature = await _engine.SchemaSignatureAsync(connection, cancellationToken).ConfigureAwait(false);
            var model = await _engine.ReadSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            var applied = (await _history.ReadAsync(connection, null, cancellationToken).ConfigureAwait(false)).Where(h => h.IsApplied).Select(h => h.RevisionId);
            await _history.RecordSnapshotAsync(connection, applied, Schema.SchemaComparer.Fingerprint(model),
                Schema.SchemaJson.Write(model).ToJsonString(), signature, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is DbException or NotSupportedException or InvalidOperationException)
        {
            if (_options.Logger is { } logger)
            {
                Log.SnapshotFailed(logger, e.Message);
            }
        }
    }

    /// <summary>Events go to the logger, then to the caller's handler.</summary>
    internal Action<MigrationEvent> Emitter()
    {
        var logger = _options.Logger;
        var handler = _options.OnEvent;
        return e =>
        {
            if (logger is not null)
            {
                Log.Event(logger, e);
            }

            handler?.Invoke(e);
        };
    }

    /// <summary>Validates the history against the files, plans, and finds the partial revision the plan resumes.</summary>
    private (MigrationPlan Plan, HistoryEntry? Partial) Check(Direction direction, Target target, IReadOnlyList<HistoryEntry> history)
    {
        RefuseMismatches(history);
        // Repeatables stand outside the order: never planned down, and up only after the rest (below).
        var counted = history
            .Where(h => h.IsApplied || (direction == Direction.Down && h.IsPartlyReverted))
            .Select(h => h.RevisionId)
            .Where(id => !(_graph.Contains(id) && _graph[id].Repeatable))
            .ToList();
        var plan = direction == Direction.Up
            ? Planner.PlanUp(_graph, counted, target)
            : Planner.PlanDown(_graph, counted, target);
        if (direction == Direction.Up && target.Kind is TargetKind.Head or TargetKind.Heads && _graph.Repeatables.Count > 0)
        {
            // Repeatables run after the versioned revisions, when new or changed (as Flyway's migrate does).
            var recorded = history.Where(h => h.IsApplied).ToDictionary(h => h.RevisionId, h => h.ChecksumUp, StringComparer.Ordinal);
            plan = plan with { Steps = [.. plan.Steps, .. _graph.RepeatablesToApply(recorded).Select(r => new PlanStep(r, Direction.Up))] };
        }

        RequireRunnable(plan);
        return (plan, RequireResumable(plan, history));
    }

    private void RequireRunnable(MigrationPlan plan)
    {
        foreach (var step in plan.Steps)
        {
            var revision = step.Revision;
            if (_options.SingleTransaction && !revision.Transactional)
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    $"{revision.Source.File}: revision {revision.Id} is `transaction off`, so the pending revisions cannot run in a single transaction; nothing was run");
            }

            if (step.Direction == Direction.Up && revision.Up.IsEmpty && !revision.IsMerge)
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    $"{revision.Source.File}: revision {revision.Id} has an empty up section; write it before `ratchet up` (only a merge may be empty); nothing was run");
            }

            if (step.Direction == Direction.Down && revision.Down is { IsEmpty: true } && !revision.Up.IsEmpty)
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    $"{revision.Source.File}: revision {revision.Id} has an empty down section but its up section changes the database; " +
                    "write the statements that undo it, or delete the `-- ratchet:down` line to mark it irreversible; nothing was run");
            }

            RequireRunnableStatements(step);
        }
    }

    /// <summary>
    /// Renders the step now, so an operation the engine cannot run, or one that cannot run the way the revision is
    /// marked, stops the whole run before anything is written.
    /// </summary>
    private void RequireRunnableStatements(PlanStep step)
    {
        var revision = step.Revision;
        if (revision.Online)
        {
            // Its steps are planned from the live catalogs when it runs; the engine must be able to run them.
            if (_engine is not IOnlineEngine)
            {
                throw OnlineLifecycle.NotSupported(_engine);
            }

            return;
        }

        var script = step.Direction == Direction.Up ? revision.Up : revision.Down!;
        var statements = script.Render(_engine.Dialect);
        if (!revision.Transactional && statements.FirstOrDefault(s => s.Procedure is not null) is { } procedure)
        {
            throw new RatchetException(RatchetErrorKind.BadInput,
                $"{revision.Source.File}: revision {revision.Id} is `transaction off`, but `{procedure.Procedure!.Describe()}` needs a transaction; nothing was run");
        }

        if (revision.Transactional && script is Operations.OperationScript typed && typed.Operations.Any(o => o is Operations.CreateIndexOperation { Concurrently: true } or Operations.DropIndexOperation { Concurrently: true }))
        {
            throw new RatchetException(RatchetErrorKind.BadInput,
                $"{revision.Source.File}: revision {revision.Id} builds or drops an index concurrently, which cannot run in a transaction; " +
                "mark it Transactional = false; nothing was run");
        }
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

    /// <summary>
    /// A revision left part-way blocks every run except the one that continues it: <c>up</c> for a failed upgrade,
    /// <c>down</c> for a failed downgrade.
    /// </summary>
    private static HistoryEntry? RequireResumable(MigrationPlan plan, IReadOnlyList<HistoryEntry> history)
    {
        var partial = history.FirstOrDefault(h => !h.IsApplied);
        if (partial is null)
        {
            return null;
        }

        var direction = partial.IsPartlyReverted ? Direction.Down : Direction.Up;
        var resumes = plan.Direction == direction && plan.Steps.Count > 0 && plan.Steps[0].Revision.Id == partial.RevisionId;
        if (resumes && !plan.Steps[0].Revision.Idempotent)
        {
            throw new RatchetException(RatchetErrorKind.MigrationFailed,
                $"revision {partial.RevisionId} failed part-way" + (partial.Error is null ? "" : $" ({partial.Error})") +
                ", and its metadata says it is not idempotent: the failed statement may have done part of its work; nothing was run")
            {
                Hints = ["check the database by hand, then clear the failure with `ratchet repair` and run `ratchet up` again"],
            };
        }
        if (resumes || (plan.IsEmpty && plan.Direction == direction))
        {
            return partial;
        }

        var verb = direction == Direction.Up ? "up" : "down";
        throw new RatchetException(RatchetErrorKind.MigrationFailed,
            $"revision {partial.RevisionId} is {partial.StateName} part-way" + (partial.Error is null ? "" : $" ({partial.Error})") + "; nothing was run")
        {
            Hints = [$"fix its file and run `ratchet {verb} {(direction == Direction.Up ? partial.RevisionId : "-1")}` to continue it, or clear it with `ratchet repair`"],
        };
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
}
