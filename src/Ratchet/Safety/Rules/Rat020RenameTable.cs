using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT020: RENAME TABLE or SCHEMA (not the staging table of a rebuild, which the revision created).</summary>
internal sealed class Rat020RenameTable : LintRule
{
    public override string Id => "RAT020";

    public override Severity Severity => Severity.Warning;

    public override string Title => "RENAME TABLE / SCHEMA";

    public override string Fix => "keep a view under the old name during the transition (or an updatable view), then drop it";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        switch (context.Part)
        {
            case OperationPart { Operation: RenameTableOperation o } when context.Existing(o.Name):
                yield return new($"RENAME TABLE {o.Name} to {o.NewName}: running app versions that use the old name fail at once");
                break;
            case RenameObjectPart { Kind: "SCHEMA" } r:
                yield return new($"RENAME SCHEMA {r.Name} to {r.NewName}: everything that names the old schema fails");
                break;
        }
    }
}
