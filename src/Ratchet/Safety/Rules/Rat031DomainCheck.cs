using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT031: a domain with a CHECK constraint, or a constraint added to a domain (PostgreSQL).</summary>
internal sealed class Rat031DomainCheck : LintRule
{
    public override string Id => "RAT031";

    public override Severity Severity => Severity.Warning;

    public override string Title => "domain with a CHECK constraint, or a constraint added to a domain";

    public override string Fix => "put the constraint on the columns (NOT VALID, then VALIDATE)";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is DomainConstraintPart d && (d.Creating || !d.NotValid))
        {
            yield return new(d.Creating
                ? $"domain {d.Domain} has a CHECK: changing it later re-validates every column of every table that uses the domain"
                : $"ALTER DOMAIN {d.Domain} ADD CONSTRAINT checks every column of every table that uses the domain, under locks");
        }
    }
}
