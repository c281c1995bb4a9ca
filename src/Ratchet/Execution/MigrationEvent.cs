using Ratchet.Revisions;

namespace Ratchet.Execution;

/// <summary>Something that happened during a run, for progress displays, logs and NDJSON output.</summary>
public abstract record MigrationEvent
{
    private protected MigrationEvent()
    {
    }
}

/// <summary>The runner lock is held and the plan is known.</summary>
public sealed record PlanReady(MigrationPlan Plan) : MigrationEvent;

/// <summary>A revision starts.</summary>
public sealed record StepStarted(PlanStep Step, int Index, int Count, int Statements) : MigrationEvent;

/// <summary>A statement of the running revision finished.</summary>
public sealed record StatementExecuted(PlanStep Step, int Statement, int Statements, bool Skipped) : MigrationEvent;

/// <summary>A revision finished and its history row is committed.</summary>
public sealed record StepCompleted(PlanStep Step, int Index, int Count, TimeSpan Duration) : MigrationEvent;

/// <summary>A revision failed; what it did was rolled back when it ran in a transaction.</summary>
public sealed record StepFailed(PlanStep Step, int Index, int Count, string Error) : MigrationEvent;

/// <summary>A revision (or a statement outside a transaction) hit the lock timeout and will be tried again.</summary>
public sealed record StepRetrying(PlanStep Step, int Attempt, int MaxAttempts, TimeSpan Delay, IReadOnlyList<string> Blockers) : MigrationEvent;

/// <summary>
/// Before the run, the live schema differed from the one recorded after the last run (changed by hand). The run goes
/// on, the differences are written to the log (action <c>drift</c>), and the schema recorded after the run includes them.
/// </summary>
public sealed record DriftFound(IReadOnlyList<string> Differences) : MigrationEvent;

/// <summary>The row counts of the tables a revision touched, before and after it (exact up to a cap).</summary>
public sealed record RowsCounted(PlanStep Step, IReadOnlyList<TableRowCount> Tables) : MigrationEvent;

/// <summary>One table's rows before and after a revision; null when the table was not there.</summary>
public sealed record TableRowCount(string Table, long? Before, long? After, long Cap)
{
    /// <inheritdoc />
    public override string ToString() => $"{Table}: {Show(Before)} -> {Show(After)}";

    private string Show(long? n) => n is null ? "none" : n > Cap ? $"more than {Cap}" : n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
