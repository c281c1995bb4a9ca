using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT032: CREATE INDEX CONCURRENTLY on PostgreSQL 14.0 to 14.3, which can build a corrupt index.</summary>
internal sealed class Rat032ConcurrentIndexOnBrokenVersion : LintRule
{
    public override string Id => "RAT032";

    public override Severity Severity => Severity.Error;

    public override string Title => "CREATE INDEX CONCURRENTLY on PostgreSQL 14.0–14.3";

    public override string Fix => "upgrade the server to 14.4 or later first (then REINDEX indexes built concurrently on 14.0–14.3)";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres && target.Version.Major == 14 && target.Version.Minor < 4;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: CreateIndexOperation { Concurrently: true } o } || context.Part is MaintenancePart { Verb: "REINDEX", Concurrently: true })
        {
            yield return new($"a concurrent index build on {context.Target} can silently miss rows (the bug fixed in 14.4): queries using the index return wrong results");
        }
    }
}
