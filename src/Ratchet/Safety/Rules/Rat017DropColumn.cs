using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT017: DROP COLUMN.</summary>
internal sealed class Rat017DropColumn : LintRule
{
    public override string Id => "RAT017";

    public override Severity Severity => Severity.Warning;

    public override string Title => "DROP COLUMN";

    public override string Fix => "stop using the column in the app, deploy, then drop it in a later revision (keep a backup of its data if it matters)";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: DropColumnOperation o } && context.Existing(o.Table))
        {
            yield return new($"DROP COLUMN {o.Table}.{o.Name} loses its data, and running app versions that read or write it fail");
        }
    }
}
