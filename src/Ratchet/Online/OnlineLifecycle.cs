using System.Data.Common;
using System.Diagnostics;
using Ratchet.Engines;
using Ratchet.Execution;
using Ratchet.History;
using Ratchet.Revisions;

namespace Ratchet.Online;

/// <summary>
/// The states of an online revision and the moves between them, on a connection whose caller holds the runner lock:
/// start (plan stored first, then the expand steps), complete (contract steps, then the history row), abort (undo
/// steps, then the rows go), and the down of a completed revision. Every move can be run again after a crash and
/// continues where the last run stopped.
/// </summary>
internal sealed class OnlineLifecycle
{
    private readonly IOnlineEngine _online;
    private readonly HistoryStore _history;
    private readonly OnlineStore _store;
    private readonly OnlineRunner _runner;
    private readonly Action<MigrationEvent> _emit;

    public OnlineLifecycle(IDatabaseEngine engine, HistoryStore history, OnlineOptions options, Action<MigrationEvent> emit)
    {
        _online = engine as IOnlineEngine ?? throw NotSupported(engine);
        _history = history;
        _store = new OnlineStore(engine.Dialect, engine.HistoryTables);
        _runner = new OnlineRunner(_online, _store, options, emit);
        _emit = emit;
    }

    public static RatchetException NotSupported(IDatabaseEngine engine) =>
        new(RatchetErrorKind.BadInput, $"online revisions run on PostgreSQL; {engine.DisplayName} cannot run them")
        {
            Hints = ["run online revisions on PostgreSQL; on another engine, write the change as an ordinary revision"],
        };

    public Task<IReadOnlyList<OnlineRecord>> ReadAsync(DbConnection connection, CancellationToken cancellationToken) =>
        _store.ReadAsync(connection, cancellationToken);

    /// <summary>Plans and starts the revision, or continues a start that stopped; true when start finished.</summary>
    public async Task<(OnlineRecord Record, bool Finished)> StartAsync(DbConnection connection, Revision revision, OnlineRecord? record,
        CancellationToken cancellationToken)
    {
        await _store.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            var plan = await _online.PlanAsync(connection, revision.Id, Script(revision).Operations, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, [_store.Insert(plan), LogCommand(revision, "start", $"planned: {string.Join("; ", plan.Operations)}")], cancellationToken)
                .ConfigureAwait(false);
            record = await ReloadAsync(connection, revision.Id, cancellationToken).ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        if (!await _runner.RunAsync(connection, record, OnlinePhase.Start, cancellationToken).ConfigureAwait(false))
        {
            return (await ReloadAsync(connection, revision.Id, cancellationToken).ConfigureAwait(false), false);
        }

        await ExecuteAsync(connection, [_store.SetState(revision.Id, OnlineRunState.Started), LogCommand(revision, "started", null, clock.Elapsed)],
            cancellationToken).ConfigureAwait(false);
        _emit(new OnlinePhaseCompleted(revision.Id, OnlinePhase.Start, OnlineRunState.Started, clock.Elapsed));
        return (await ReloadAsync(connection, revision.Id, cancellationToken).ConfigureAwait(false), true);
    }

    /// <summary>Runs the contract phase and records the revision as applied.</summary>
    public async Task<OnlineRecord> CompleteAsync(DbConnection connection, Revision revision, OnlineRecord record, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        if (record.State != OnlineRunState.Completing)
        {
            await ExecuteAsync(connection, [_store.SetState(revision.Id, OnlineRunState.Completing)], cancellationToken).ConfigureAwait(false);
            record = record with { State = OnlineRunState.Completing };
        }

        await _runner.RunAsync(connection, record, OnlinePhase.Complete, cancellationToken).ConfigureAwait(false);
        var entry = HistoryRows.Entry(revision, HistoryState.Applied, 0, clock.Elapsed);
        await ExecuteAsync(connection, [.. _history.AppliedCommands(entry, HistoryRows.Log(revision, "complete", clock.Elapsed, revision.Up.Checksum)),
            _store.SetState(revision.Id, OnlineRunState.Completed)], cancellationToken).ConfigureAwait(false);
        _emit(new OnlinePhaseCompleted(revision.Id, OnlinePhase.Complete, OnlineRunState.Completed, clock.Elapsed));
        return await ReloadAsync(connection, revision.Id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes what start added (before complete's swap) and forgets the revision.</summary>
    public async Task AbortAsync(DbConnection connection, Revision? revision, OnlineRecord record, CancellationToken cancellationToken)
    {
        if (record.Plan.Complete.FirstOrDefault(s => s.Key.EndsWith(".swap", StringComparison.Ordinal) && record.IsDone(s.Key)) is { } swapped)
        {
            throw new RatchetException(RatchetErrorKind.BadInput,
                $"revision {record.RevisionId} cannot be aborted: complete already swapped ({swapped.Description}); nothing was changed")
            {
                Hints = ["run `ratchet complete` to finish it; after that, `ratchet down` reverts it"],
            };
        }

        var clock = Stopwatch.StartNew();
        if (record.State != OnlineRunState.Aborting)
        {
            await ExecuteAsync(connection, [_store.SetState(record.RevisionId, OnlineRunState.Aborting)], cancellationToken).ConfigureAwait(false);
            record = record with { State = OnlineRunState.Aborting };
        }

        await _runner.RunAsync(connection, record, OnlinePhase.Abort, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, [_store.Delete(record.RevisionId), LogCommand(revision, "abort", null, clock.Elapsed, record.RevisionId)], cancellationToken)
            .ConfigureAwait(false);
        _emit(new OnlinePhaseCompleted(record.RevisionId, OnlinePhase.Abort, OnlineRunState.Aborting, clock.Elapsed));
    }

    /// <summary>Reverts a completed revision with the down its plan holds, and removes its history row.</summary>
    public async Task RevertAsync(DbConnection connection, Revision revision, CancellationToken cancellationToken)
    {
        var record = (await _store.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.RevisionId == revision.Id)
            ?? throw new RatchetException(RatchetErrorKind.BadInput,
                $"{revision.Source.File}: online revision {revision.Id} has no plan in this database (it was stamped or adopted, not completed here), " +
                "so its down is not known; nothing was run");
        if (record.State is not (OnlineRunState.Completed or OnlineRunState.Reverting))
        {
            throw InProgress(record);
        }

        var clock = Stopwatch.StartNew();
        if (record.State != OnlineRunState.Reverting)
        {
            await ExecuteAsync(connection, [_store.SetState(revision.Id, OnlineRunState.Reverting)], cancellationToken).ConfigureAwait(false);
            record = record with { State = OnlineRunState.Reverting };
        }

        await _runner.RunAsync(connection, record, OnlinePhase.Down, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, [.. _history.RevertedCommands(revision.Id, HistoryRows.Log(revision, "down", clock.Elapsed, revision.Down?.Checksum)),
            _store.Delete(revision.Id)], cancellationToken).ConfigureAwait(false);
        _emit(new OnlinePhaseCompleted(revision.Id, OnlinePhase.Down, OnlineRunState.Reverting, clock.Elapsed));
    }

    /// <summary>Start, then complete, at once: for a database no application uses (<c>up --with-online</c>, verify).</summary>
    public async Task RunWholeAsync(DbConnection connection, Revision revision, CancellationToken cancellationToken)
    {
        var record = (await _store.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).FirstOrDefault(r => r.RevisionId == revision.Id);
        if (record is { State: not (OnlineRunState.Starting or OnlineRunState.Started or OnlineRunState.Completing) })
        {
            throw InProgress(record);
        }

        if (record is null or { State: OnlineRunState.Starting })
        {
            var (started, finished) = await StartAsync(connection, revision, record, cancellationToken).ConfigureAwait(false);
            if (!finished)
            {
                throw new RatchetException(RatchetErrorKind.MigrationFailed, $"revision {revision.Id}: the backfill stopped before its end; run `ratchet start` to continue");
            }

            record = started;
        }

        await CompleteAsync(connection, revision, record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The error for a revision that is part-way through a phase.</summary>
    public static RatchetException InProgress(OnlineRecord record) => new(RatchetErrorKind.BadInput,
        $"online revision {record.RevisionId} is {OnlineRecord.StateName(record.State)}; nothing was run")
    {
        Hints = [record.State switch
        {
            OnlineRunState.Starting => "run `ratchet start` to continue it, or `ratchet abort` to remove what it added",
            OnlineRunState.Started => "deploy the new code, then `ratchet complete`; or `ratchet abort`",
            OnlineRunState.Completing => "run `ratchet complete` to continue it (or `ratchet abort`, if it has not swapped yet)",
            OnlineRunState.Aborting => "run `ratchet abort` to finish removing what start added",
            _ => "run `ratchet down` to finish reverting it",
        }],
    };

    public static OnlineScript Script(Revision revision) => revision.Up as OnlineScript
        ?? throw new RatchetException(RatchetErrorKind.BadInput, $"{revision.Source.File}: revision {revision.Id} is not an online revision");

    private async Task<OnlineRecord> ReloadAsync(DbConnection connection, string id, CancellationToken cancellationToken) =>
        (await _store.ReadAsync(connection, cancellationToken).ConfigureAwait(false)).First(r => r.RevisionId == id);

    private Task ExecuteAsync(DbConnection connection, IReadOnlyList<BatchCommand> commands, CancellationToken cancellationToken) =>
        _online.ExecuteAsync(connection, commands, transaction: true, TimeSpan.FromSeconds(30), cancellationToken);

    private BatchCommand LogCommand(Revision? revision, string action, string? detail, TimeSpan duration = default, string? id = null)
    {
        var log = revision is null
            ? new LogEntry { RevisionId = id!, Action = action, At = DateTime.UtcNow, By = RunnerIdentity.UserAtHost, ToolVersion = RunnerIdentity.ToolVersion }
            : HistoryRows.Log(revision, action, duration, revision.Up.Checksum);
        return _history.LogCommand(log with { Detail = detail, DurationMs = (long)duration.TotalMilliseconds });
    }
}
