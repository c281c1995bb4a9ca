using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT002: DROP INDEX without CONCURRENTLY (PostgreSQL).</summary>
internal sealed class Rat002DropIndexWithoutConcurrently : LintRule
{
    public override string Id => "RAT002";

    public override Severity Severity => Severity.Warning;

    public override string Title => "DROP INDEX without CONCURRENTLY";

    public override string Fix => "DROP INDEX CONCURRENTLY IF EXISTS in a `-- ratchet:transaction off` revision";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: DropIndexOperation { Concurrently: false } o })
        {
            var table = o.Table ?? context.Facts.TableOfIndex(o.Name)?.Name;
            if (table is null || context.Existing(table))
            {
                yield return new($"DROP INDEX {o.Name} takes an ACCESS EXCLUSIVE lock on {table ?? "its table"}: reads and writes wait");
            }
        }
    }
}
