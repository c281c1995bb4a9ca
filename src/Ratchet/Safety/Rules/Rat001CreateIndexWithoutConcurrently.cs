using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT001: CREATE INDEX on an existing table without CONCURRENTLY (PostgreSQL).</summary>
internal sealed class Rat001CreateIndexWithoutConcurrently : LintRule
{
    public override string Id => "RAT001";

    public override Severity Severity => Severity.Error;

    public override string Title => "CREATE INDEX on an existing table without CONCURRENTLY";

    public override string Fix => "CREATE INDEX CONCURRENTLY in a `-- ratchet:transaction off` revision";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: CreateIndexOperation { Concurrently: false, Unique: false } o } && context.Existing(o.Table))
        {
            yield return new($"CREATE INDEX {o.Name} takes a SHARE lock on {o.Table}: every INSERT, UPDATE and DELETE waits for the whole build");
        }
    }
}
