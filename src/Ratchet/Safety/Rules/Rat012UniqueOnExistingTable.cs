using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT012: ADD UNIQUE or CREATE UNIQUE INDEX (not concurrently) on an existing table.</summary>
internal sealed class Rat012UniqueOnExistingTable : LintRule
{
    public override string Id => "RAT012";

    public override Severity Severity => Severity.Error;

    public override string Title => "ADD UNIQUE constraint or CREATE UNIQUE INDEX on an existing table";

    public override string Fix =>
        "check for duplicates first; CREATE UNIQUE INDEX CONCURRENTLY (transaction off), then ADD CONSTRAINT ... UNIQUE USING INDEX";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        var (table, what) = context.Part switch
        {
            OperationPart { Operation: CreateIndexOperation { Unique: true, Concurrently: false } o } => (o.Table, $"CREATE UNIQUE INDEX {o.Name}"),
            OperationPart { Operation: AddConstraintOperation { Constraint: UniqueConstraint u } o, UsingIndex: null } => (o.Table, $"ADD CONSTRAINT {u.Name} UNIQUE"),
            _ => (null, null),
        };
        if (table is not null && context.Existing(table))
        {
            yield return new(context.Target.IsPostgres
                ? $"{what} builds an index under a lock that blocks writes to {table}, and fails if duplicates exist"
                : $"{what} fails if {table} already holds duplicates");
        }
    }
}
