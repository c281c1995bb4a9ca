using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT026: TRUNCATE ... CASCADE (PostgreSQL).</summary>
internal sealed class Rat026TruncateCascade : LintRule
{
    public override string Id => "RAT026";

    public override Severity Severity => Severity.Error;

    public override string Title => "TRUNCATE ... CASCADE";

    public override string Fix => "name every table to empty in the TRUNCATE";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is TruncatePart { Cascade: true } t)
        {
            yield return new($"TRUNCATE {string.Join(", ", t.Tables)} CASCADE also empties every table with a foreign key to them, without naming them");
        }
    }
}
