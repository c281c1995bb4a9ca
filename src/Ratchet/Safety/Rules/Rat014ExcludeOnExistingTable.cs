using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT014: ADD EXCLUDE constraint to an existing table (PostgreSQL): it cannot be NOT VALID.</summary>
internal sealed class Rat014ExcludeOnExistingTable : LintRule
{
    public override string Id => "RAT014";

    public override Severity Severity => Severity.Error;

    public override string Title => "ADD EXCLUDE constraint to an existing table";

    public override string Fix => "create a new table with the constraint, dual-write, backfill, switch";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: AddConstraintOperation { Constraint: ExcludeConstraint x } o } && context.Existing(o.Table))
        {
            yield return new($"ADD CONSTRAINT {x.Name} EXCLUDE cannot be added NOT VALID: it builds its index and checks every row of {o.Table} under an ACCESS EXCLUSIVE lock");
        }
    }
}
