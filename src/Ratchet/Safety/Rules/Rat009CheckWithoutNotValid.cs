using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT009: ADD CHECK constraint without NOT VALID on an existing table (PostgreSQL).</summary>
internal sealed class Rat009CheckWithoutNotValid : LintRule
{
    public override string Id => "RAT009";

    public override Severity Severity => Severity.Error;

    public override string Title => "ADD CHECK constraint without NOT VALID";

    public override string Fix => "ADD CONSTRAINT ... CHECK (...) NOT VALID, then VALIDATE CONSTRAINT in a later revision (it takes only SHARE UPDATE EXCLUSIVE)";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: AddConstraintOperation { Constraint: CheckConstraint c, NotValid: false } o } && context.Existing(o.Table))
        {
            yield return new($"ADD CONSTRAINT {c.Name} CHECK scans every row of {o.Table} under an ACCESS EXCLUSIVE lock: reads and writes wait");
        }
    }
}
