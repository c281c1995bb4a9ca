using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT011: VALIDATE CONSTRAINT in the same transaction as its ADD ... NOT VALID (PostgreSQL).</summary>
internal sealed class Rat011ValidateInSameTransaction : LintRule
{
    public override string Id => "RAT011";

    public override Severity Severity => Severity.Error;

    public override string Title => "VALIDATE CONSTRAINT in the same transaction as its ADD";

    public override string Fix => "validate in a separate revision (or a `transaction off` one), so the ADD's strong lock is released before the scan";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Transactional && context.Part is OperationPart { Operation: ValidateConstraintOperation v }
            && context.Earlier().Any(p => p is OperationPart { Operation: AddConstraintOperation { NotValid: true } a } && SchemaFacts.Same(a.Constraint.Name, v.Name)))
        {
            yield return new($"VALIDATE CONSTRAINT {v.Name} runs in the transaction that added it, which still holds the ADD's ACCESS EXCLUSIVE lock on {v.Table} through the whole scan");
        }
    }
}
