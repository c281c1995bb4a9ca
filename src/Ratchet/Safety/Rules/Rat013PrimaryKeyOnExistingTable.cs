using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT013: ADD PRIMARY KEY to an existing table (PostgreSQL), other than USING INDEX.</summary>
internal sealed class Rat013PrimaryKeyOnExistingTable : LintRule
{
    public override string Id => "RAT013";

    public override Severity Severity => Severity.Error;

    public override string Title => "ADD PRIMARY KEY to an existing table";

    public override string Fix =>
        "make the columns NOT NULL the safe way (validated CHECK), CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: AddConstraintOperation { Constraint: PrimaryKeyConstraint p } o, UsingIndex: null } && context.Existing(o.Table))
        {
            yield return new($"ADD PRIMARY KEY {p.Name} builds a unique index and checks NOT NULL on every row of {o.Table} under an ACCESS EXCLUSIVE lock");
        }
    }
}
