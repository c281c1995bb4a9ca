using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT010: ADD FOREIGN KEY without NOT VALID on an existing table (PostgreSQL).</summary>
internal sealed class Rat010ForeignKeyWithoutNotValid : LintRule
{
    public override string Id => "RAT010";

    public override Severity Severity => Severity.Error;

    public override string Title => "ADD FOREIGN KEY without NOT VALID";

    public override string Fix => "ADD CONSTRAINT ... FOREIGN KEY ... NOT VALID, then VALIDATE CONSTRAINT in a later revision";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: AddConstraintOperation { Constraint: ForeignKeyConstraint f, NotValid: false } o } && context.Existing(o.Table))
        {
            yield return new($"ADD FOREIGN KEY {f.Name} takes SHARE ROW EXCLUSIVE locks on {o.Table} and {f.References.PrincipalTable} while it scans {o.Table}: writes to both wait");
        }
    }
}
