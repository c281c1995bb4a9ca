using System.Data.Common;
using Ratchet.Online;
using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>The phases of online revisions: <c>start</c>, <c>complete</c>, <c>abort</c>; each holds the runner lock.</summary>
public sealed partial class Migrator
{
    /// <summary>The online revisions recorded in the database (in progress, or completed with their plan kept for a down).</summary>
    public async Task<IReadOnlyList<OnlineRecord>> ReadOnlineAsync(CancellationToken cancellationToken = default)
    {
        using var connection = await _engine.OpenAsync(createIfMissing: false, cancellationToken).ConfigureAwait(false);
        return connection is null ? [] : await new OnlineStore(_engine.Dialect, _engine.HistoryTables).ReadAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts an online revision (<paramref name="revision"/>, or the first pending one on the way to the heads): the
    /// ordinary revisions it needs are applied first; then its plan is stored and the expand steps run. Run again after
    /// a failure or a kill, it continues from the last step done (a backfill from its checkpoint).
    /// </summary>
    /// <exception cref="RatchetException">Bad input (exit 2), a failed step (exit 1), a pre-check (exit 3), the lock (exit 4).</exception>
    public async Task<OnlineResult> StartAsync(string? revision = null, CancellationToken cancellationToken = default)
    {
        RequireOnlineEngine();
        var history = await ReadHistoryAsync(cancellationToken).ConfigureAwait(false);
        var online = await ReadOnlineAsync(cancellationToken).ConfigureAwait(false);
        var chosen = ChooseStart(revision, history, online);
        var applied = new List<string>();
        var pending = _graph.AncestorsAndSelf(chosen.Id).Where(id => id != chosen.Id && !history.Any(h => h.RevisionId == id && h.IsApplied)).ToList();
        if (pending.Count > 0 && online.All(r => r.RevisionId != chosen.Id))
        {
            foreach (var parent in chosen.Requires.Where(pending.Contains))
            {
                var result = await UpAsync(new Target(TargetKind.Revision, parent, parent), cancellationToken).ConfigureAwait(false);
                applied.AddRange(result.Plan.Steps.Select(s => s.Revision.Id));
            }
        }

        return await WithLockAsync(async (connection, lifecycle) =>
        {
            var records = await lifecycle.ReadAsync(connection, cancellationToken).ConfigureAwait(false);
            var record = records.FirstOrDefault(r => r.RevisionId == chosen.Id);
            if (records.FirstOrDefault(r => r.InProgress && r.RevisionId != chosen.Id) is { } other)
            {
                throw OnlineLifecycle.InProgress(other);
            }

            if (record is { State: not OnlineRunState.Starting })
            {
                throw record.State == OnlineRunState.Completed
                    ? new RatchetException(RatchetErrorKind.BadInput, $"online revision {chosen.Id} is already completed; nothing was run")
                    : OnlineLifecycle.InProgress(record);
            }

            var (started, finished) = await lifecycle.StartAsync(connection, chosen, record, cancellationToken).ConfigureAwait(false);
            return new OnlineResult(chosen.Id, started.State, finished, started.Plan, applied);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Completes the started online revision: validates, swaps, drops the old objects, and records it as applied.</summary>
    /// <exception cref="RatchetException">Nothing started (exit 2), a failed step (exit 1), a pre-check (exit 3), the lock (exit 4).</exception>
    public async Task<OnlineResult> CompleteAsync(CancellationToken cancellationToken = default)
    {
        RequireOnlineEngine();
        return await WithLockAsync(async (connection, lifecycle) =>
        {
            var record = InProgressRecord(await lifecycle.ReadAsync(connection, cancellationToken).ConfigureAwait(false), "complete");
            if (record.State is not (OnlineRunState.Started or OnlineRunState.Completing))
            {
                throw record.State == OnlineRunState.Starting
                    ? new RatchetException(RatchetErrorKind.BadInput, $"online revision {record.RevisionId} has not finished starting; nothing was run")
                    {
                        Hints = ["run `ratchet start` to finish it (its backfill continues from the checkpoint), then `ratchet complete`"],
                    }
                    : OnlineLifecycle.InProgress(record);
            }

            if (!_graph.Contains(record.RevisionId))
            {
                throw new RatchetException(RatchetErrorKind.BadInput,
                    $"online revision {record.RevisionId} was started here but has no file in the migrations folder; nothing was run")
                {
                    Hints = ["restore its file to complete it, or run `ratchet abort` (which needs only the stored plan)"],
                };
            }

            var completed = await lifecycle.CompleteAsync(connection, _graph[record.RevisionId], record, cancellationToken).ConfigureAwait(false);
            return new OnlineResult(record.RevisionId, completed.State, true, completed.Plan, []);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Aborts the online revision in progress (before complete's swap): removes what start added; no row is lost.</summary>
    /// <exception cref="RatchetException">Nothing in progress or already swapped (exit 2), a failed step (exit 1), the lock (exit 4).</exception>
    public async Task<OnlineResult> AbortAsync(CancellationToken cancellationToken = default)
    {
        RequireOnlineEngine();
        return await WithLockAsync(async (connection, lifecycle) =>
        {
            var record = InProgressRecord(await lifecycle.ReadAsync(connection, cancellationToken).ConfigureAwait(false), "abort");
            if (record.State == OnlineRunState.Reverting)
            {
                throw OnlineLifecycle.InProgress(record);
            }

            var revision = _graph.Contains(record.RevisionId) ? _graph[record.RevisionId] : null;
            await lifecycle.AbortAsync(connection, revision, record, cancellationToken).ConfigureAwait(false);
            return new OnlineResult(record.RevisionId, null, true, record.Plan, []);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A plain <c>up</c> stops before an online revision, unless <see cref="MigratorOptions.RunOnline"/> lets it run it whole.</summary>
    private void RefuseOnline(MigrationPlan plan)
    {
        if (plan.Direction != Direction.Up || _options.RunOnline || plan.Steps.FirstOrDefault(s => s.Revision.Online) is not { } step)
        {
            return;
        }

        var revision = step.Revision;
        throw new RatchetException(RatchetErrorKind.BadInput,
            $"{revision.Source.File}: revision {revision.Id} is online (zero-downtime): `up` does not run it; nothing was run")
        {
            Hints =
            [
                $"run `ratchet start {revision.Id}` (it applies the revisions before it first), deploy the code that uses the new schema, then `ratchet complete`",
                "`ratchet up --with-online` runs its phases at once, for a database no application uses",
            ],
        };
    }

    /// <summary>While an online revision is part-way through a phase, no other revision runs.</summary>
    private async Task RefuseOnlineInProgressAsync(DbConnection connection, MigrationPlan plan, CancellationToken cancellationToken)
    {
        if (_engine is not IOnlineEngine)
        {
            return;
        }

        var records = await new OnlineStore(_engine.Dialect, _engine.HistoryTables).ReadAsync(connection, cancellationToken).ConfigureAwait(false);
        if (records.FirstOrDefault(r => r.InProgress) is { } record &&
            !(_options.RunOnline && plan.Direction == Direction.Up && plan.Steps.Count > 0 && plan.Steps[0].Revision.Id == record.RevisionId))
        {
            throw OnlineLifecycle.InProgress(record);
        }
    }

    private void RequireOnlineEngine()
    {
        if (_engine is not IOnlineEngine)
        {
            throw OnlineLifecycle.NotSupported(_engine);
        }
    }

    private Revision ChooseStart(string? revision, IReadOnlyList<History.HistoryEntry> history, IReadOnlyList<OnlineRecord> online)
    {
        if (revision is not null)
        {
            var named = _graph.Resolve(revision);
            return named.Online ? named : throw new RatchetException(RatchetErrorKind.BadInput,
                $"{named.Source.File}: revision {named.Id} is not online (it has no `-- ratchet:online` line); apply it with `ratchet up`; nothing was run");
        }

        if (online.FirstOrDefault(r => r.State == OnlineRunState.Starting && _graph.Contains(r.RevisionId)) is { } resuming)
        {
            return _graph[resuming.RevisionId];
        }

        var applied = history.Where(h => h.IsApplied).Select(h => h.RevisionId).ToList();
        return Planner.PlanUp(_graph, applied, Target.Heads).Steps.Select(s => s.Revision).FirstOrDefault(r => r.Online)
            ?? throw new RatchetException(RatchetErrorKind.BadInput, "no online revision is pending; nothing was run")
            {
                Hints = ["an online revision has a `-- ratchet:online` line (or is an OnlineMigration in C#); ordinary ones run with `ratchet up`"],
            };
    }

    private static OnlineRecord InProgressRecord(IReadOnlyList<OnlineRecord> records, string verb) =>
        records.FirstOrDefault(r => r.InProgress) ?? throw new RatchetException(RatchetErrorKind.BadInput, $"no online revision is in progress: nothing to {verb}")
        {
            Hints = ["`ratchet start` begins one; `ratchet status` shows where each revision is"],
        };

    private async Task<OnlineResult> WithLockAsync(Func<DbConnection, OnlineLifecycle, Task<OnlineResult>> work, CancellationToken cancellationToken)
    {
        using var connection = (await _engine.OpenAsync(createIfMissing: true, cancellationToken).ConfigureAwait(false))!;
        var held = await _engine.AcquireRunnerLockAsync(_options.LockTimeout, cancellationToken).ConfigureAwait(false);
        await using var releases = held.ConfigureAwait(false);
        await _history.EnsureCreatedAsync(connection, cancellationToken).ConfigureAwait(false);
        var emit = Emitter();
        if (_options.TrackSchema)
        {
            await ReportDriftAsync(connection, emit, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await work(connection, new OnlineLifecycle(_engine, _history, _options.Online, emit)).ConfigureAwait(false);
        }
        finally
        {
            await RecordSnapshotAsync(connection, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
