using Ratchet.Execution;

namespace Ratchet.Online;

/// <summary>A phase of an online revision begins (<paramref name="Resumed"/>: some of its steps were done by an earlier run).</summary>
public sealed record OnlinePhaseStarted(string RevisionId, OnlinePhase Phase, int Steps, bool Resumed) : MigrationEvent;

/// <summary>A step of an online phase begins.</summary>
public sealed record OnlineStepStarted(string RevisionId, OnlinePhase Phase, OnlineStep Step, int Index, int Count) : MigrationEvent;

/// <summary>A step finished (<paramref name="Skipped"/>: an earlier run had done it).</summary>
public sealed record OnlineStepCompleted(string RevisionId, OnlinePhase Phase, OnlineStep Step, int Index, int Count, TimeSpan Duration, bool Skipped)
    : MigrationEvent;

/// <summary>A step hit its lock timeout and will be tried again after <paramref name="Delay"/>.</summary>
public sealed record OnlineStepRetrying(string RevisionId, OnlineStep Step, int Attempt, int MaxAttempts, TimeSpan Delay, IReadOnlyList<string> Blockers)
    : MigrationEvent;

/// <summary>
/// A backfill batch committed (with its checkpoint). <paramref name="Done"/> and <paramref name="Total"/> count rows,
/// or pages when the table has no primary key (<paramref name="Unit"/>).
/// </summary>
public sealed record BackfillProgress(string RevisionId, OnlineStep Step, string Table, string Unit, long Done, long Total, long Written, int BatchSize,
    TimeSpan BatchTime, double RowsPerSecond, TimeSpan? Eta, TimeSpan LoadWait) : MigrationEvent;

/// <summary>A backfill continues from the checkpoint an earlier run left.</summary>
public sealed record BackfillResumed(string RevisionId, OnlineStep Step, string Table, string LastKey, long Done) : MigrationEvent;

/// <summary>A backfill stopped after the batches it was allowed; <c>start</c> again continues from its checkpoint.</summary>
public sealed record BackfillPaused(string RevisionId, OnlineStep Step, string Table, long Done, long Total) : MigrationEvent;

/// <summary>A phase finished, with what the revision's state now is.</summary>
public sealed record OnlinePhaseCompleted(string RevisionId, OnlinePhase Phase, OnlineRunState State, TimeSpan Duration) : MigrationEvent;
