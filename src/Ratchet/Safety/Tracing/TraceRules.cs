namespace Ratchet.Safety.Tracing;

/// <summary>The trace rules RAT101–RAT105: findings from what statements were seen doing on a scratch database.</summary>
public static class TraceRules
{
    /// <summary>Lock modes that conflict with reads or writes.</summary>
    public static readonly IReadOnlySet<string> Blocking = new HashSet<string>(StringComparer.Ordinal)
    {
        "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock",
    };

    /// <summary>The findings of one statement's trace.</summary>
    public static IEnumerable<LintFinding> Findings(StatementTrace trace)
    {
        ArgumentNullException.ThrowIfNull(trace);
        LintFinding F(string rule, Severity severity, string message, string fix) => new()
        {
            Rule = rule, Severity = severity, File = trace.File, Revision = trace.Revision, Line = trace.Line, Column = 1, Message = message, Fix = fix, Statement = trace.Statement,
        };

        var blocking = trace.Locks.Where(l => Blocking.Contains(l.Mode) && trace.Existing.Contains(l.Table)).ToList();
        if (trace.LockTimeoutMs == 0)
        {
            foreach (var (table, mode) in blocking)
            {
                yield return F("RAT101", Severity.Error, $"traced: took {mode} on {table} with lock_timeout 0: while it waits, every later query on {table} queues behind it",
                    "set lock_timeout (keep the runner's statement lock timeout on); Ratchet retries on timeout");
            }
        }

        if (trace.HeldBefore.Count > 0)
        {
            yield return F("RAT102", Severity.Warning,
                $"traced: ran while {string.Join(", ", trace.HeldBefore.Select(h => $"{h.Mode} on {h.Table}"))} from an earlier statement was held",
                "split the transaction: the statement that takes the lock last, or alone");
        }

        foreach (var table in trace.Rewritten.Where(trace.Existing.Contains))
        {
            yield return F("RAT103", Severity.Error, $"traced: rewrote {table} (every row copied to a new file) under {Mode(trace, table)}",
                "an online migration: a new column, dual writes, a batched backfill");
        }

        foreach (var table in trace.Scanned.Where(t => trace.Existing.Contains(t) && blocking.Any(b => b.Table == t)))
        {
            yield return F("RAT104", Severity.Error, $"traced: scanned all of {table} while holding {Mode(trace, table)} on it",
                "add the constraint NOT VALID, then VALIDATE CONSTRAINT in another transaction");
        }

        foreach (var index in trace.InvalidIndexes)
        {
            yield return F("RAT105", Severity.Error, $"traced: index {index} is left INVALID", $"DROP INDEX CONCURRENTLY IF EXISTS {index}; then retry");
        }
    }

    private static string Mode(StatementTrace trace, string table) =>
        trace.Locks.Where(l => l.Table == table).Select(l => l.Mode).LastOrDefault() ?? "its lock";
}
