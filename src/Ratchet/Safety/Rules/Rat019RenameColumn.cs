using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT019: RENAME COLUMN.</summary>
internal sealed class Rat019RenameColumn : LintRule
{
    public override string Id => "RAT019";

    public override Severity Severity => Severity.Warning;

    public override string Title => "RENAME COLUMN";

    public override string Fix => "add the new column with dual writes (an online migration), or keep a view with the old name during the transition";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: RenameColumnOperation o } && context.Existing(o.Table))
        {
            yield return new($"RENAME COLUMN {o.Table}.{o.Name} to {o.NewName}: running app versions that use the old name fail at once");
        }
    }
}
