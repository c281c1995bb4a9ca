using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT006: ADD a stored generated, serial, identity or auto-increment column to an existing table.</summary>
internal sealed class Rat006RewritingColumn : LintRule
{
    public override string Id => "RAT006";

    public override Severity Severity => Severity.Error;

    public override string Title => "ADD a stored generated, serial, identity or auto-increment column to an existing table";

    public override string Fix => "add a plain nullable column, fill it with a trigger for new rows and a batched backfill for old ones";

    public override bool AppliesTo(LintTarget target) => target.IsPostgres || target.IsMySql;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is OperationPart { Operation: AddColumnOperation o } part && context.Existing(o.Table) && (part.Columns.Count > 0 ? part.Columns[0] : null) is { } column)
        {
            var kind = column.Generated is not null && (column.Stored || context.Target.IsPostgres) ? "a stored generated"
                : column.Identity is "serial" ? "a serial"
                : column.Identity is "always" or "by default" ? "an identity"
                : column.Identity is "autoincrement" ? "an auto-increment"
                : null;
            if (kind is not null)
            {
                yield return new($"ADD COLUMN {o.Table}.{column.Name} as {kind} column computes a value for every existing row: the table is rewritten under an ACCESS EXCLUSIVE lock");
            }
        }
    }
}
