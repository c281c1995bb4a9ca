using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT025: UPDATE or DELETE of a whole existing table (no WHERE) inside the revision's transaction.</summary>
internal sealed class Rat025WholeTableUpdate : LintRule
{
    public override string Id => "RAT025";

    public override Severity Severity => Severity.Warning;

    public override string Title => "UPDATE or DELETE of a whole existing table in the DDL transaction";

    public override string Fix => "a separate, batched backfill (keyset batches on the primary key, each its own transaction)";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Transactional && context.Part is RowsPart { Verb: "UPDATE" or "DELETE", HasWhere: false } rows && context.Existing(rows.Table))
        {
            yield return new($"{rows.Verb} of every row of {rows.Table} in one transaction: row locks on the whole table, a huge transaction, and everything else the revision does waits for it");
        }
    }
}
