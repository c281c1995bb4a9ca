using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>
/// RAT024: more statements after one that takes ACCESS EXCLUSIVE on an existing table, in the same transaction: the lock
/// is held for all of them. Reported on the statement that takes the lock, once per revision.
/// </summary>
internal sealed class Rat024StatementsAfterAccessExclusive : LintRule
{
    public override string Id => "RAT024";

    public override Severity Severity => Severity.Warning;

    public override string Title => "more statements after taking ACCESS EXCLUSIVE in the same transaction";

    public override string Fix => "split the revision: the statement that takes the lock last, or alone";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (!context.Transactional || context.AccessExclusiveHeld || context.StatementIndex == context.Statements.Count - 1
            || Locks.Taken(context.Part, context.Facts) is not { BlocksReads: true } taken || !context.Existing(taken.Table)
            || context.Statement.Parsed.Parts.TakeWhile(p => p != context.Part).Any(p => Locks.Taken(p, context.Facts) is { BlocksReads: true }))
        {
            yield break;
        }

        var after = context.Statements.Count - context.StatementIndex - 1;
        yield return new($"this statement takes an ACCESS EXCLUSIVE lock on {taken.Table}, held until the commit through the {after} statement(s) after it: reads and writes of {taken.Table} wait for all of them");
    }
}
