using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT003: CONCURRENTLY inside a transactional revision (PostgreSQL refuses it at run time).</summary>
internal sealed class Rat003ConcurrentlyInTransaction : LintRule
{
    public override string Id => "RAT003";

    public override Severity Severity => Severity.Error;

    public override string Title => "CONCURRENTLY inside a transactional revision";

    public override string Fix => "mark the revision `-- ratchet:transaction off` (and keep the concurrent statement idempotent: IF [NOT] EXISTS)";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (!context.Transactional)
        {
            yield break;
        }

        var what = context.Part switch
        {
            OperationPart { Operation: CreateIndexOperation { Concurrently: true } o } => $"CREATE INDEX CONCURRENTLY {o.Name}",
            OperationPart { Operation: DropIndexOperation { Concurrently: true } o } => $"DROP INDEX CONCURRENTLY {o.Name}",
            MaintenancePart { Concurrently: true } m => $"{m.Verb} CONCURRENTLY",
            _ => null,
        };
        if (what is not null)
        {
            yield return new($"{what} cannot run inside a transaction block: the revision fails when it runs");
        }
    }
}
