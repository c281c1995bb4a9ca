using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT021: DROP NOT NULL, or DROP of a foreign key (known to be one from the migrations).</summary>
internal sealed class Rat021DropNotNullOrForeignKey : LintRule
{
    public override string Id => "RAT021";

    public override Severity Severity => Severity.Warning;

    public override string Title => "DROP NOT NULL, DROP a foreign key";

    public override string Fix => "confirm that readers and the data's integrity do not rely on it";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        switch (context.Part)
        {
            case OperationPart { Operation: AlterColumnOperation { Nullable: true } o } when context.Existing(o.Table) && context.Facts.Table(o.Table)?.Column(o.Name) is not { Nullable: true }:
                yield return new($"DROP NOT NULL on {o.Table}.{o.Name}: code that reads it may not expect NULL");
                break;
            case OperationPart { Operation: DropConstraintOperation o } when context.Existing(o.Table)
                && (o.Definition is ForeignKeyConstraint || context.Facts.Constraint(o.Name) is { Constraint.Kind: 'f' }):
                yield return new($"DROP CONSTRAINT {o.Name} removes a foreign key of {o.Table}: nothing stops orphan rows from then on");
                break;
        }
    }
}
