using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT004: REINDEX, VACUUM FULL, CLUSTER or DETACH PARTITION without the concurrent form (PostgreSQL).</summary>
internal sealed class Rat004BlockingMaintenance : LintRule
{
    public override string Id => "RAT004";

    public override Severity Severity => Severity.Error;

    public override string Title => "REINDEX / VACUUM FULL / CLUSTER / DETACH PARTITION without the concurrent form";

    public override string Fix => "REINDEX CONCURRENTLY, ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY; for VACUUM FULL and CLUSTER, pg_repack";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        var message = context.Part switch
        {
            MaintenancePart { Verb: "REINDEX", Concurrently: false } m => $"REINDEX {m.Target} locks out writes to the table (and reads through the index) for the whole rebuild",
            MaintenancePart { Verb: "VACUUM", Full: true } m => $"VACUUM FULL {m.Target} rewrites the table under an ACCESS EXCLUSIVE lock: reads and writes wait",
            MaintenancePart { Verb: "CLUSTER" } m => $"CLUSTER {m.Target} rewrites the table under an ACCESS EXCLUSIVE lock: reads and writes wait",
            MaintenancePart { Verb: "DETACH PARTITION", Concurrently: false } m => $"DETACH PARTITION {m.Target} takes an ACCESS EXCLUSIVE lock on the parent table",
            _ => null,
        };
        if (message is not null)
        {
            yield return new(message);
        }
    }
}
