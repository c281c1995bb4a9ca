using Ratchet.Operations;
using Ratchet.Safety.Parsing;

namespace Ratchet.Safety.Rules;

/// <summary>RAT015: ALTER COLUMN TYPE that rewrites the table (classified per engine and version by <see cref="TypeChanges"/>).</summary>
internal sealed class Rat015RewritingTypeChange : LintRule
{
    public override string Id => "RAT015";

    public override Severity Severity => Severity.Error;

    public override string Title => "ALTER COLUMN TYPE that rewrites the table";

    public override string Fix => "an online migration: a new column, dual writes, a batched backfill, the switch, then drop the old column";

    public override bool AppliesTo(LintTarget target) => true;

    public override IEnumerable<LintHit> Check(LintStep context)
    {
        if (context.Part is not OperationPart { Operation: AlterColumnOperation { Type: { } type } o } || !context.Existing(o.Table))
        {
            yield break;
        }

        var from = o.OldType is { } old ? SchemaFacts.TypeName(old) : context.Facts.Table(o.Table)?.Column(o.Name)?.Type;
        var to = SchemaFacts.TypeName(type);
        var rewrites = TypeChanges.Rewrites(from, to, context.Target);
        if (rewrites == true)
        {
            yield return new($"ALTER COLUMN {o.Table}.{o.Name} TYPE {to} (from {from}) rewrites the whole table under an ACCESS EXCLUSIVE lock on {context.Target}");
        }
        else if (rewrites is null && !context.Target.IsSqlite)
        {
            yield return new($"ALTER COLUMN {o.Table}.{o.Name} TYPE {to}: the old type is not known from the migrations, so the change may rewrite the table under an ACCESS EXCLUSIVE lock");
        }
        else if (rewrites is null)
        {
            yield return new($"ALTER COLUMN {o.Table}.{o.Name} TYPE {to} rebuilds the table on SQLite");
        }
    }
}
