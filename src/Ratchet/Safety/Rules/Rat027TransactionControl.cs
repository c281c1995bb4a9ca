using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT027: BEGIN / COMMIT / ROLLBACK inside a revision.</summary>
internal sealed class Rat027TransactionControl : LintRule
{
    public override string Id => "RAT027";

    public override Severity Severity => Severity.Error;

    public override string Title => "BEGIN / COMMIT / ROLLBACK inside a revision";

    public override string Fix => "remove it: Ratchet runs each revision in a transaction with its history row; use `-- ratchet:transaction off` for statements that cannot run in one";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is TransactionPart t)
        {
            yield return new($"{t.Verb} inside a revision breaks Ratchet's transaction: the revision can be recorded as applied without its changes committed, or half-committed");
        }
    }
}
