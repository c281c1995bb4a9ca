using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>
/// RAT023: DDL taking a blocking lock on an existing table with no lock_timeout: only where the runner's own timeout is
/// switched off (configuration or <c>-- ratchet:lock-timeout off</c>) and the revision sets none, or the revision sets it
/// to 0.
/// </summary>
internal sealed class Rat023NoLockTimeout : LintRule
{
    public override string Id => "RAT023";

    public override Severity Severity => Severity.Error;

    public override string Title => "DDL that takes a blocking lock with no lock_timeout";

    public override string Fix => "keep the runner's statement lock timeout on, or SET lock_timeout (such as '2s') before the statement; Ratchet retries on timeout";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres || target.IsMySql;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.LockTimeoutOff && Locks.Taken(context.Part, context.Facts) is { } taken && context.Existing(taken.Table))
        {
            yield return new($"this statement waits for its lock on {taken.Table} with no lock_timeout: while it waits, every later query on {taken.Table} queues behind it");
        }
    }
}
