using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT033: MySQL ALTER TABLE with ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE.</summary>
internal sealed class Rat033MySqlCopyOrLock : LintRule
{
    public override string Id => "RAT033";

    public override Severity Severity => Severity.Warning;

    public override string Title => "`ALGORITHM=COPY` or `LOCK=SHARED/EXCLUSIVE`";

    public override string Fix => "ALGORITHM=INSTANT, or ALGORITHM=INPLACE, LOCK=NONE (MySQL refuses the change if it cannot honour them)";

    public override bool AppliesTo(LintTarget target) => target.IsMySql;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is TableAlgorithmPart a)
        {
            if (a.Algorithm == "COPY")
            {
                yield return new($"ALGORITHM=COPY copies {a.Table} row by row and blocks writes for the whole copy");
            }

            if (a.Lock is "SHARED" or "EXCLUSIVE")
            {
                yield return new($"LOCK={a.Lock} on {a.Table} blocks {(a.Lock == "SHARED" ? "writes" : "reads and writes")} for the whole change");
            }
        }
    }
}
