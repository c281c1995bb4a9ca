using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT028: a statement that fails when run twice, in a <c>transaction off</c> revision (PostgreSQL).</summary>
internal sealed class Rat028NonIdempotentOutsideTransaction : LintRule
{
    public override string Id => "RAT028";

    public override Severity Severity => Severity.Warning;

    public override string Title => "non-idempotent statement in a `transaction off` revision";

    public override string Fix => "write it with IF [NOT] EXISTS; after a failed CREATE INDEX CONCURRENTLY, drop the invalid index before retrying";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Transactional || context.Part is not OperationPart { Idempotent: false } part)
        {
            yield break;
        }

        var what = part.Operation switch
        {
            CreateIndexOperation o => $"CREATE INDEX {o.Name}",
            DropIndexOperation o => $"DROP INDEX {o.Name}",
            CreateTableOperation o => $"CREATE TABLE {o.Name}",
            DropTableOperation o => $"DROP TABLE {o.Name}",
            AddColumnOperation o => $"ADD COLUMN {o.Table}.{o.Column.Name}",
            DropColumnOperation o => $"DROP COLUMN {o.Table}.{o.Name}",
            _ => null,
        };
        if (what is not null)
        {
            yield return new($"{what} without IF [NOT] EXISTS: outside a transaction a retry after a failure part-way fails on what the first try left (an invalid index, say)");
        }
    }
}
