using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT030: a <c>json</c> column (PostgreSQL), where <c>jsonb</c> is meant.</summary>
internal sealed class Rat030JsonColumn : LintRule
{
    public override string Id => "RAT030";

    public override Severity Severity => Severity.Warning;

    public override string Title => "`json` column";

    public override string Fix => "use jsonb";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        var columns = context.Part switch
        {
            OperationPart { Operation: CreateTableOperation o } => o.Columns.Select(c => (o.Name, c.Name, c.Type)),
            OperationPart { Operation: AddColumnOperation o } => [(o.Table, o.Column.Name, o.Column.Type)],
            OperationPart { Operation: AlterColumnOperation { Type: { } t } o } => [(o.Table, o.Name, t)],
            _ => [],
        };
        foreach (var (table, column, type) in columns)
        {
            if (type.Kind == SqlTypeKind.Custom && TypeChanges.Canonical(type.Name!) is "json" or "json[]")
            {
                yield return new($"{table}.{column} is json: it has no equality operator (no DISTINCT, GROUP BY or unique index) and is re-parsed on every read");
            }
        }
    }
}
