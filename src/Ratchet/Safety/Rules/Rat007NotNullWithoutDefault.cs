using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT007: ADD COLUMN NOT NULL without a default on an existing table.</summary>
internal sealed class Rat007NotNullWithoutDefault : LintRule
{
    public override string Id => "RAT007";

    public override Severity Severity => Severity.Error;

    public override string Title => "ADD COLUMN NOT NULL without a default on an existing table";

    public override string Fix => "add it nullable (then backfill and set NOT NULL the safe way), or give it a constant default (PostgreSQL 11+ adds that without a rewrite)";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: AddColumnOperation o } part && context.Existing(o.Table) && !o.Column.Nullable && o.Column.Default is null)
        {
            var column = part.Columns.Count > 0 ? part.Columns[0] : null;
            if (column is null || (column.Identity is null && column.Generated is null && column.Default is null))
            {
                yield return new($"ADD COLUMN {o.Table}.{o.Column.Name} NOT NULL without a default fails on a table that has rows, and breaks running app versions that insert without it");
            }
        }
    }
}
